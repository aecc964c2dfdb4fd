using SerAdapt.Engine;
using SerAdapt.Evaluation;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// Every distance of <see cref="AlignmentStep"/> (Deep CORAL, DAN's MK-MMD, RSD, DARE-GRAM) on a toy with
/// a known shift that per-feature BatchNorm statistics can undo only in part (AdaBN, which re-estimates them on
/// the whole target, reaches 0.597 here against Source-only's 0.310): the target is the source's anisotropic latent rotated by 0.6 rad in four coordinate planes, with the same labelling function.
/// Each method must beat Source-only AND the same method with its distance weighted 0: the target's
/// training-mode forward alone moves the BatchNorm running statistics towards the target (an AdaBN-like
/// effect), which on a re-scaled or offset target gives the whole gain whatever the loss (measured:
/// CCC 0.943 with weight 0 on <see cref="AdaBnTests.AffinePair"/>), so only the second comparison shows the
/// loss itself working. Width 64 with batches of 16, so that RSD's 16-dimensional batch subspaces can differ
/// (width &gt;= 2 x batch).
/// </summary>
public class AlignmentToyTests(ITestOutputHelper output)
{
    private static TrainingOptions Options => SyntheticPair.SmallOptions(8) with { Width = 64, BatchSize = 16 };

    public static TheoryData<string> Methods => ["coral", "dan", "rsd", "daregram"];

    // CORAL and DAN at their defaults (lambda 1); RSD and DARE-GRAM at weights that show an effect on this toy:
    // their paper defaults (RSD lambda 0.001, DARE-GRAM alpha 0.05) are too weak for 8 epochs of a 300-row toy.
    private static IAdaptationMethod Create(string name, bool withDistance) => name switch
    {
        "coral" => new DeepCoral(new CoralOptions(Lambda: withDistance ? 1f : 0f, RegressorLayers: 2)),
        "dan" => new Dan(new DanOptions(Lambda: withDistance ? 1f : 0f, RegressorLayers: 2)),
        "rsd" => new Rsd(new RsdOptions(Lambda: withDistance ? 5f : 0f, BasesWeight: 0.01f, RegressorLayers: 2)),
        _ => new DareGram(new DareGramOptions(AngleWeight: withDistance ? 2f : 0f, ScaleWeight: withDistance ? 0.001f : 0f, Threshold: 0.99f, RegressorLayers: 2)),
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Fit_RotatedTarget_BeatsSourceOnlyAndItsOwnStepWithoutTheDistance(string name)
    {
        var (source, target) = Rotated(300, 300, angle: 0.6);
        double Ccc(IAdaptationMethod method) => RegressionMetrics.Ccc(method.Fit(source, target, Options).TargetPredictions, target.Labels!);
        double plain = Ccc(new SourceOnly(new SourceOnlyOptions(2)));
        double without = Ccc(Create(name, withDistance: false));
        double adapted = Ccc(Create(name, withDistance: true));
        output.WriteLine($"target CCC: source-only {plain:F3}, {name} without its distance {without:F3}, {name} {adapted:F3}");
        Assert.True(adapted > plain + 0.05, $"{name} {adapted:F3} vs source-only {plain:F3}");
        Assert.True(adapted > without + 0.03, $"{name} {adapted:F3} vs the same step without the distance {without:F3}");
    }

    // Latent z_c ~ N(0, scale_c^2), valence 3 + tanh(sum w_c z_c / scale_c); the source sees z, the target z
    // rotated by angle in the planes (0, 1), (2, 3), (4, 5), (6, 7).
    internal static (DomainData Source, DomainData Target) Rotated(int sourceRows, int targetRows, double angle, int seed = 3)
    {
        var rng = new Random(seed);
        var w = new[] { 0.9, -0.6, 0.5, 0.0, 0.3, 0.0, -0.4, 0.2 };
        var scale = new[] { 3.0, 0.5, 2.0, 0.7, 1.5, 1.0, 0.4, 1.2 };
        DomainData Domain(int rows, double theta)
        {
            var x = new Matrix(rows, w.Length);
            var y = new float[rows];
            var z = new double[w.Length];
            for (int r = 0; r < rows; r++)
            {
                double s = 0;
                for (int c = 0; c < w.Length; c++)
                {
                    z[c] = scale[c] * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    s += w[c] * z[c] / scale[c];
                }
                for (int c = 0; c < w.Length; c += 2)
                {
                    x[r, c] = (float)(Math.Cos(theta) * z[c] - Math.Sin(theta) * z[c + 1]);
                    x[r, c + 1] = (float)(Math.Sin(theta) * z[c] + Math.Cos(theta) * z[c + 1]);
                }
                y[r] = (float)(3 + Math.Tanh(s));
            }
            return new DomainData(x, y, Enumerable.Range(0, rows).Select(r => r % 3).ToArray());
        }
        return (Domain(sourceRows, 0), Domain(targetRows, angle));
    }
}
