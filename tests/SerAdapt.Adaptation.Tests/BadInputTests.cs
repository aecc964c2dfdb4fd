using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

public class BadInputTests
{
    [Fact]
    public void Fit_FeatureDimensionMismatch_FailsNamingBoth()
    {
        var (source, _) = SyntheticPair.Create(64, 32);
        var target = new DomainData(new Matrix(32, 5));
        var ex = Assert.Throws<ShapeMismatchException>(() => new Mrd().Fit(source, target, SyntheticPair.SmallOptions(1)));
        Assert.Contains("source has 8 features", ex.Message);
        Assert.Contains("target 5", ex.Message);
    }

    [Fact]
    public void MrdOptions_ZeroEncoderSteps_FailsNamingM()
    {
        var (source, target) = SyntheticPair.Create(64, 32);
        var ex = Assert.Throws<InvalidSettingException>(() => new Mrd(new MrdOptions(EncoderSteps: 0)).Fit(source, target, SyntheticPair.SmallOptions(1)));
        Assert.Equal(("m", "must be at least 1, got 0."), (ex.Key, ex.Problem));
    }

    [Fact]
    public void Rsd_TargetSmallerThanBatch_FailsBeforeTrainingNamingBatchSize()
    {
        var (source, target) = SyntheticPair.Create(64, 20);
        var ex = Assert.Throws<InvalidSettingException>(() => new Rsd().Fit(source, target, SyntheticPair.SmallOptions(1)));
        Assert.Equal("batch-size", ex.Key);
        Assert.Contains("target's 20 rows", ex.Problem);
    }

    [Fact]
    public void TrainingOptions_NegativeLearningRate_FailsNamingLr()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => (new TrainingOptions { LearningRate = -1 }).Validate());
        Assert.Equal("lr", ex.Key);
        Assert.Equal("lr must be positive, got -1.", ex.Message);
    }

    [Fact]
    public void Create_UnknownMethod_ListsTheFive()
    {
        var ex = Assert.Throws<ArgumentException>(() => MethodRegistry.Default["mcd"]);
        Assert.Contains("source-only, train-on-target, dann, coral, mrd", ex.Message);
    }

    [Fact]
    public void Fit_SourceWithoutLabels_Fails()
    {
        var (source, target) = SyntheticPair.Create(64, 32);
        var ex = Assert.Throws<ArgumentException>(() => new SourceOnly().Fit(source with { Labels = null }, target, SyntheticPair.SmallOptions(1)));
        Assert.Contains("source has no labels", ex.Message);
    }

    [Fact]
    public void TrainOnTarget_TargetWithoutLabelsOrGroups_Fails()
    {
        var (source, target) = SyntheticPair.Create(64, 32);
        var method = new TrainOnTarget();
        Assert.Contains("needs target labels", Assert.Throws<ArgumentException>(() => method.Fit(source, target with { Labels = null }, SyntheticPair.SmallOptions(1))).Message);
        Assert.Contains("needs target groups", Assert.Throws<ArgumentException>(() => method.Fit(source, target with { Groups = null }, SyntheticPair.SmallOptions(1))).Message);
    }

    [Fact]
    public void Oracle_WithoutTargetLabels_Fails()
    {
        var (source, target) = SyntheticPair.Create(64, 32);
        var options = SyntheticPair.SmallOptions(1) with { Selection = ModelSelection.Oracle };
        var ex = Assert.Throws<ArgumentException>(() => new DeepCoral().Fit(source, target with { Labels = null }, options));
        Assert.Contains("Oracle model selection needs target labels", ex.Message);
    }

    [Fact]
    public void Fit_DivergingLoss_StopsNamingEpochAndStepAndKeepsLastGoodModel()
    {
        var (source, target) = SyntheticPair.Create(64, 32);
        // lr 1 diverges within a few epochs; an absurd lr (1e30) within the second step.
        var ex = Assert.Throws<TrainingDivergedException>(() =>
            new SourceOnly(new SourceOnlyOptions(2)).Fit(source, target, SyntheticPair.SmallOptions(3) with { LearningRate = 1e30f }));
        Assert.Equal(1, ex.Epoch);
        Assert.Equal(2, ex.Step);
        Assert.Contains("epoch 1, step 2", ex.Message);
        Assert.Null(ex.BestModel);
    }

    [Fact]
    public void Loop_NaNLossInEpochTwo_ExceptionCarriesModelOfEpochOne()
    {
        var (source, target) = SyntheticPair.Create(64, 32);
        var options = SyntheticPair.SmallOptions(3) with { BatchSize = 32 };
        var model = ValenceModel.Create("test", new NetworkArchitecture(8, 4, 1, [new HeadShape("regressor", 1)], 0f), new Rng(1));
        int calls = 0;
        var loop = new TrainingLoop
        {
            Method = "test",
            Options = options,
            Model = model,
            Step = (_, _) => new Dictionary<string, double> { ["mse"] = ++calls == 3 ? double.NaN : 1.0 },
        };
        var ex = Assert.Throws<TrainingDivergedException>(() => loop.Run(source, target, new Rng(1), null, default));
        Assert.Equal(2, ex.Epoch);
        Assert.Equal(1, ex.Step);
        Assert.Equal(1, ex.BestEpoch);
        Assert.Same(model, ex.BestModel);
        Assert.Contains("epoch 2, step 1: the mse loss is NaN", ex.Message);
        Assert.Contains("The model of epoch 1 is kept", ex.Message);
    }
}
