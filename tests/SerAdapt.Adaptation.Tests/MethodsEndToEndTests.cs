using SerAdapt.Evaluation;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

public class MethodsEndToEndTests(ITestOutputHelper output)
{
    public static TheoryData<string> Methods => [.. MethodRegistry.Default.Names];

    internal static IAdaptationMethod Small(string name) => name switch
    {
        "mrd" => new Mrd(SyntheticPair.SmallMrd),
        "dann" => new Dann(new DannOptions(2, 16, 2)),
        "coral" => new DeepCoral(new CoralOptions(1f, 2)),
        "source-only" => new SourceOnly(new SourceOnlyOptions(2)),
        "train-on-target" => new TrainOnTarget(new SourceOnlyOptions(2)),
        "adabn" => new AdaBn(new SourceOnlyOptions(2)),
        "dan" => new Dan(new DanOptions(RegressorLayers: 2)),
        "adda" => new Adda(new AddaOptions(DiscriminatorWidth: 16, RegressorLayers: 2)),
        "rsd" => new Rsd(new RsdOptions(Lambda: 1f, RegressorLayers: 2)),
        "daregram" => new DareGram(new DareGramOptions(RegressorLayers: 2)),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Fit_SmallSyntheticPair_PredictsTargetValence(string name)
    {
        var (source, target) = SyntheticPair.Create();
        var reports = new List<TrainingProgress>();
        var method = Small(name);
        var result = method.Fit(source, target, SyntheticPair.SmallOptions(), new SyncProgress(reports.Add));

        Assert.Equal(name, method.Name);
        Assert.Equal(name, result.Model.Method);
        Assert.Equal(target.Count, result.TargetPredictions.Length);
        Assert.All(result.TargetPredictions, p => Assert.True(float.IsFinite(p)));
        Assert.False(result.UsedOracle);
        Assert.Equal("false", result.Model.Info["oracle"]);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.True(r.Losses.Count > 0));
        double r = RegressionMetrics.Pearson(result.TargetPredictions, target.Labels);
        output.WriteLine($"{name}: target Pearson {r:F3}, CCC {RegressionMetrics.Ccc(result.TargetPredictions, target.Labels):F3}");
        Assert.True(r > 0.3, $"{name}: target Pearson {r:F3}");
        Assert.True(RegressionMetrics.Ccc(result.TargetPredictions, target.Labels) > 0.3, $"{name}: target CCC");
        var prediction = result.Model.Predict(target.Features);
        Assert.Equal(name == "mrd" ? 2 : 1, prediction.Heads.Length);
        if (name != "train-on-target")
            Assert.Equal(result.TargetPredictions, prediction.Prediction);
    }

    [Fact]
    public void Mrd_Prediction_IsMeanOfBothHeads()
    {
        var (source, target) = SyntheticPair.Create(96, 64);
        var model = Small("mrd").Fit(source, target, SyntheticPair.SmallOptions(2)).Model;
        var p = model.Predict(target.Features);
        for (int i = 0; i < target.Count; i++)
            Assert.Equal((p.Heads[0][i] + p.Heads[1][i]) / 2, p.Prediction[i]);
        Assert.Equal(["r1", "r2"], model.HeadNames);
    }

    [Fact]
    public void Fit_SameSeed_GivesBitIdenticalWeightsAndPredictions()
    {
        var (source, target) = SyntheticPair.Create(128, 96);
        var a = Small("mrd").Fit(source, target, SyntheticPair.SmallOptions(2));
        var b = Small("mrd").Fit(source, target, SyntheticPair.SmallOptions(2));
        Assert.Equal(a.TargetPredictions, b.TargetPredictions);
        var wa = a.Model.StateDict();
        var wb = b.Model.StateDict();
        Assert.Equal(wa.Keys, wb.Keys);
        foreach (var key in wa.Keys) Assert.Equal(wa[key].Values, wb[key].Values);

        var c = Small("mrd").Fit(source, target, SyntheticPair.SmallOptions(2) with { Seed = 6 });
        Assert.NotEqual(a.TargetPredictions, c.TargetPredictions);
    }

    [Fact]
    public void SourceValidation_StopsAfterPatienceAndRecordsBestEpoch()
    {
        var (source, target) = SyntheticPair.Create(160, 64);
        var options = SyntheticPair.SmallOptions(40) with { Selection = ModelSelection.SourceValidation, Patience = 2, LearningRate = 1e-2f };
        var result = Small("source-only").Fit(source, target, options);
        int best = int.Parse(result.Model.Info["best_epoch"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(result.EpochsTrained < 40, $"trained {result.EpochsTrained} epochs");
        Assert.Equal(best + 2, result.EpochsTrained);
        Assert.True(result.Model.Info.ContainsKey("source_validation_mse"));
    }

    [Fact]
    public void Oracle_IsFlaggedOnResultAndModel()
    {
        var (source, target) = SyntheticPair.Create(96, 64);
        var result = Small("coral").Fit(source, target, SyntheticPair.SmallOptions(2) with { Selection = ModelSelection.Oracle });
        Assert.True(result.UsedOracle);
        Assert.True(result.Model.UsedOracle);
        Assert.Equal("true", result.Model.Info["oracle"]);
        Assert.True(result.Model.Info.ContainsKey("oracle_target_ccc"));
    }

    [Fact]
    public void TrainOnTarget_PoolsHeldOutPredictionsOfEveryGroup()
    {
        var (source, target) = SyntheticPair.Create(64, 150, groups: 3);
        var result = Small("train-on-target").Fit(source, target, SyntheticPair.SmallOptions(3));
        Assert.Contains("leave-one-group-out over 3 groups", result.Model.Info["cross_validation"]);
        // Held-out predictions differ from the final model's predictions (it saw every row).
        Assert.NotEqual(result.Model.Predict(target.Features).Prediction, result.TargetPredictions);
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
