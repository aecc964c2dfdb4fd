namespace SerAdapt.Adaptation.Tests;

public class InterruptionTests
{
    /// <summary>Cancels the token when the first step of <paramref name="epoch"/> reports.</summary>
    private sealed class CancelAt(int epoch, CancellationTokenSource source) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.Epoch == epoch && value.Step == 1) source.Cancel();
        }
    }

    [Fact]
    public void Mrd_CancelledInEpochThree_KeepsTheSelectedEarlierModelWithItsSettings()
    {
        var (source, target) = SyntheticPair.Create();
        using var cancel = new CancellationTokenSource();
        var options = SyntheticPair.SmallOptions(6) with { Selection = ModelSelection.FixedEpochs };

        var ex = Assert.Throws<TrainingInterruptedException>(() =>
            new Mrd(SyntheticPair.SmallMrd).Fit(source, target, options, new CancelAt(3, cancel), cancel.Token));

        Assert.Equal(3, ex.Epoch);
        Assert.Equal(2, ex.Step);
        Assert.Equal(2, ex.BestEpoch);
        var kept = Assert.IsType<ValenceModel>(ex.BestModel);
        Assert.Equal("2", kept.Info["best_epoch"]);
        Assert.Equal("mrd", kept.Info["method"]);
        Assert.Contains("\"m\":", kept.Info["options"]);
        Assert.All(kept.Predict(target.Features).Prediction, p => Assert.True(float.IsFinite(p)));
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public void SourceOnly_CancelledBeforeAnyEpochEnds_KeepsNothing()
    {
        var (source, target) = SyntheticPair.Create();
        using var cancel = new CancellationTokenSource();

        var ex = Assert.Throws<TrainingInterruptedException>(() =>
            new SourceOnly().Fit(source, target, SyntheticPair.SmallOptions(4), new CancelAt(1, cancel), cancel.Token));

        Assert.Equal(1, ex.Epoch);
        Assert.Null(ex.BestModel);
        Assert.Contains("No model was kept", ex.Message);
    }

    [Fact]
    public void TrainOnTarget_CancelledInsideAFold_KeepsNoFoldModel()
    {
        var (source, target) = SyntheticPair.Create();
        using var cancel = new CancellationTokenSource();

        var ex = Assert.Throws<TrainingInterruptedException>(() =>
            new TrainOnTarget().Fit(source, target, SyntheticPair.SmallOptions(3), new CancelAt(2, cancel), cancel.Token));

        Assert.Equal("train-on-target", ex.Method);
        Assert.Null(ex.BestModel);
    }

    [Fact]
    public void TrainOnTarget_DivergingInsideAFold_KeepsNoFoldModel()
    {
        var (source, target) = SyntheticPair.Create();
        // A learning rate that diverges after a fold's first epoch, when the fold has a model to keep;
        // where exactly that happens depends on float rounding, so a few rates are tried.
        TrainingDivergedException? found = null;
        foreach (float lr in new[] { 1e8f, 3e8f, 1e9f, 3e9f, 1e10f })
        {
            var options = SyntheticPair.SmallOptions(20) with { LearningRate = lr, Selection = ModelSelection.FixedEpochs };
            try
            {
                new TrainOnTarget().Fit(source, target, options);
            }
            catch (TrainingDivergedException ex) when (ex.InnerException is TrainingDivergedException { BestModel: not null })
            {
                found = ex;
                break;
            }
            catch (TrainingDivergedException)
            {
            }
        }

        Assert.NotNull(found);
        Assert.Equal("train-on-target", found.Method);
        Assert.Null(found.BestModel);
        Assert.Contains("no model was kept", found.Message);
    }
}
