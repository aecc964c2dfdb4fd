using SerAdapt.Data;

namespace SerAdapt.Experiments.Tests;

/// <summary>
/// Two small labelled corpora whose valence is a noisy linear function of the features, the second
/// with shifted and rescaled features: enough for every method to train and be scored quickly.
/// </summary>
internal static class TinyCorpora
{
    /// <summary>Method settings for small, fast networks (width 16).</summary>
    public static readonly IReadOnlyDictionary<string, object> SmallNetworks = new Dictionary<string, object>
    {
        ["regressor-layers"] = 2,
        ["mrd-r1-layers"] = 2,
        ["mrd-r2-layers"] = 3,
        ["dann-discriminator-width"] = 16,
    };

    public static Corpus Make(string name, int rows, int dims, int sessions, float shift, int seed)
    {
        var rng = new Random(seed);
        var weights = Enumerable.Range(0, dims).Select(j => j % 3 == 0 ? 0.6f : 0.1f).ToArray();
        var features = new float[rows * dims];
        var valence = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            float v = 0;
            for (int j = 0; j < dims; j++)
            {
                float x = (float)Gaussian(rng);
                v += weights[j] * x;
                features[i * dims + j] = x * (1 + shift) + shift * 2;
            }
            valence[i] = 3 + 0.5f * v + 0.3f * (float)Gaussian(rng);
        }
        string[] S(Func<int, string> f) => Enumerable.Range(0, rows).Select(f).ToArray();
        return new Corpus(name, S(i => $"{name}_{i:D4}"), S(j => $"f{j}")[..dims], features, valence,
            new float[rows], new float[rows], S(i => $"spk{i % (2 * sessions)}"), S(i => $"Ses{i % sessions + 1}"), S(i => i % 2 == 0 ? "F" : "M"));
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
