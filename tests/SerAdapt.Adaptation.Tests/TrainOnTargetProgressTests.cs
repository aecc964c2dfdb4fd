using SerAdapt.Adaptation;

namespace SerAdapt.Adaptation.Tests;

/// <summary>Train-on-Target says which fold its progress is in, not only the epoch of the whole cross-validation.</summary>
public class TrainOnTargetProgressTests
{
    private sealed class Positions : IProgress<TrainingProgress>
    {
        public List<string> EpochEnds { get; } = [];

        public void Report(TrainingProgress value)
        {
            if (value.Step == value.StepsPerEpoch) EpochEnds.Add(value.Position);
        }
    }

    [Fact]
    public void Fit_ReportsFoldAndEpochOfTheFold_ThenTheFinalModel()
    {
        var (source, target) = SyntheticPair.Create(groups: 3);
        var progress = new Positions();
        var options = SyntheticPair.SmallOptions(2) with { Selection = ModelSelection.FixedEpochs };

        new TrainOnTarget().Fit(source, target, options, progress);

        Assert.Equal(
            ["fold 1/3, epoch 1/2", "fold 1/3, epoch 2/2", "fold 2/3, epoch 1/2", "fold 2/3, epoch 2/2",
             "fold 3/3, epoch 1/2", "fold 3/3, epoch 2/2", "final model, epoch 1/2", "final model, epoch 2/2"],
            progress.EpochEnds);
    }

    [Fact]
    public void Position_WithoutFolds_IsTheEpoch()
    {
        Assert.Equal("epoch 2/5", new TrainingProgress(2, 5, 1, 1, new Dictionary<string, double>()).Position);
    }
}
