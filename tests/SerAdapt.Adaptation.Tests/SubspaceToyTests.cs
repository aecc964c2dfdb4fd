using SerAdapt.Evaluation;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// RSD and DARE-GRAM on a toy with a known shift (the target a re-scaled, offset copy of the source's
/// distribution, not normalised): each beats Source-only on the target, the direction their papers claim.
/// Width 64 with batches of 16 so that RSD's batch subspaces (16-dimensional) can differ (width &gt;= 2 x batch).
/// </summary>
public class SubspaceToyTests(ITestOutputHelper output)
{
    private static TrainingOptions Options => SyntheticPair.SmallOptions(8) with { Width = 64, BatchSize = 16 };

    private double SourceOnlyCcc(DomainData source, DomainData target) =>
        RegressionMetrics.Ccc(new SourceOnly(new SourceOnlyOptions(2)).Fit(source, target, Options).TargetPredictions, target.Labels!);

    [Theory]
    [InlineData("rsd")]
    [InlineData("daregram")]
    public void Fit_ShiftedTarget_BeatsSourceOnly(string name)
    {
        var (source, target) = AdaBnTests.AffinePair(300, 300, scale: 2.0, shift: 1.5);
        IAdaptationMethod method = name == "rsd"
            ? new Rsd(new RsdOptions(Lambda: 1f, BasesWeight: 0.01f, RegressorLayers: 2))
            : new DareGram(new DareGramOptions(RegressorLayers: 2));
        double plain = SourceOnlyCcc(source, target);
        double adapted = RegressionMetrics.Ccc(method.Fit(source, target, Options).TargetPredictions, target.Labels!);
        output.WriteLine($"target CCC: source-only {plain:F3}, {name} {adapted:F3}");
        Assert.True(adapted > plain + 0.05, $"{name} {adapted:F3} vs source-only {plain:F3}");
    }
}
