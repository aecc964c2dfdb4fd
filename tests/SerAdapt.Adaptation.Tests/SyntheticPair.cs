using SerAdapt.Adaptation;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// A small source/target pair for tests: valence = 3 + tanh(w . z) + noise on latent z; the target
/// sees z through a different mixing, offset and scale (a domain shift); each domain's features are
/// then z-normalised on their own, as the caller of the methods does.
/// </summary>
internal static class SyntheticPair
{
    public const int Dimension = 8;

    public static (DomainData Source, DomainData Target) Create(int sourceRows = 240, int targetRows = 200, int seed = 1, int groups = 3)
    {
        var rng = new Random(seed);
        var w = new[] { 0.9, -0.6, 0.5, 0.0, 0.3, 0.0, -0.4, 0.2 };
        return (Domain(rng, sourceRows, w, shift: 0.0, scale: 1.0, groups), Domain(rng, targetRows, w, shift: 0.8, scale: 1.6, groups));
    }

    private static DomainData Domain(Random rng, int rows, double[] w, double shift, double scale, int groups)
    {
        var x = new Matrix(rows, Dimension);
        var y = new float[rows];
        var g = new int[rows];
        var ids = new string[rows];
        for (int r = 0; r < rows; r++)
        {
            double s = 0;
            for (int c = 0; c < Dimension; c++)
            {
                double z = Normal(rng);
                s += w[c] * z;
                double mixed = c % 2 == 1 ? z + shift * x[r, c - 1] : z;
                x[r, c] = (float)(mixed * scale + shift);
            }
            y[r] = (float)(3 + Math.Tanh(s) + 0.1 * Normal(rng));
            g[r] = r % groups;
            ids[r] = $"utt{r}";
        }
        Normalise(x);
        return new DomainData(x, y, g, ids);
    }

    private static void Normalise(Matrix x)
    {
        for (int c = 0; c < x.Cols; c++)
        {
            double mean = 0, sq = 0;
            for (int r = 0; r < x.Rows; r++) mean += x[r, c];
            mean /= x.Rows;
            for (int r = 0; r < x.Rows; r++) sq += (x[r, c] - mean) * (x[r, c] - mean);
            double std = Math.Sqrt(sq / x.Rows);
            for (int r = 0; r < x.Rows; r++) x[r, c] = (float)((x[r, c] - mean) / std);
        }
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Small, fast settings: width 32, 2 encoder layers, a few epochs.</summary>
    public static TrainingOptions SmallOptions(int epochs = 6) => new()
    {
        Epochs = epochs,
        LearningRate = 1e-3f,
        BatchSize = 32,
        Width = 32,
        EncoderLayers = 2,
        Dropout = 0.1f,
        Seed = 5,
        Selection = ModelSelection.FixedEpochs,
    };

    public static MrdOptions SmallMrd => new(EncoderSteps: 3, R1Layers: 2, R2Layers: 3);
}
