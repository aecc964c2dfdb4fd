using SerAdapt.Evaluation;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

public class AddaTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_ShiftedTarget_BeatsSourceOnly()
    {
        var (source, target) = AdaBnTests.AffinePair(300, 300, scale: 2.0, shift: 1.5);
        var options = SyntheticPair.SmallOptions(16);
        var plain = new SourceOnly(new SourceOnlyOptions(2)).Fit(source, target, options with { Epochs = 8 });
        var adda = new Adda(new AddaOptions(DiscriminatorWidth: 32, RegressorLayers: 2)).Fit(source, target, options);
        double cccPlain = RegressionMetrics.Ccc(plain.TargetPredictions, target.Labels!);
        double cccAdda = RegressionMetrics.Ccc(adda.TargetPredictions, target.Labels!);
        output.WriteLine($"target CCC: source-only {cccPlain:F3}, adda {cccAdda:F3}");
        Assert.True(cccAdda > cccPlain, $"adda {cccAdda:F3} vs source-only {cccPlain:F3}");
        Assert.Equal(adda.TargetPredictions, adda.Model.Predict(target.Features).Prediction);  // the saved path is R(E_t(x))
    }
}
