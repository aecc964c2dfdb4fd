namespace SerAdapt.Adaptation.Tests;

public class TrainingHistoryTests
{
    [Fact]
    public void Fit_ScoreEveryCriterion_RecordsEachCriterionAndTargetCccForEveryEpoch()
    {
        var (source, target) = SyntheticPair.Create();
        var options = SyntheticPair.SmallOptions(5) with
        {
            Selection = ModelSelection.SourceValidation, Patience = 1, ScoreEveryCriterion = true, MeasureTargetCcc = true,
        };

        var model = new Mrd(SyntheticPair.SmallMrd).Fit(source, target, options).Model;

        // No early stop, whatever patience says: every criterion sees every epoch.
        Assert.Equal([1, 2, 3, 4, 5], model.History.Select(r => r.Epoch));
        Assert.All(model.History, r =>
        {
            Assert.Equal(["source-val", "iwcv", "dev"], r.Scores.Keys);
            Assert.All(r.Scores.Values, v => Assert.True(double.IsFinite(v) && v >= 0));
            Assert.True(double.IsFinite(r.TargetCcc));
            Assert.Equal(["dis", "dis_e", "mse"], r.Losses.Keys.Order());
        });
        var sourceVal = model.History.Select(r => r.Scores["source-val"]).ToList();
        Assert.Equal(sourceVal.IndexOf(sourceVal.Min()) + 1, int.Parse(model.Info["best_epoch"]));
    }

    [Fact]
    public void Fit_Iwcv_KeepsTheEpochWithTheLowestWeightedError()
    {
        var (source, target) = SyntheticPair.Create();
        var options = SyntheticPair.SmallOptions(4) with { Selection = ModelSelection.ImportanceWeighted, Patience = 10 };

        var model = new SourceOnly().Fit(source, new DomainData(target.Features), options).Model;

        var scores = model.History.Select(r => r.Scores["iwcv"]).ToList();
        Assert.Equal(4, scores.Count);
        Assert.Equal(scores.IndexOf(scores.Min()) + 1, int.Parse(model.Info["best_epoch"]));
        Assert.Equal(scores.Min().ToString("R", System.Globalization.CultureInfo.InvariantCulture), model.Info["iwcv_weighted_mse"]);
        Assert.All(model.History, r => Assert.True(double.IsNaN(r.TargetCcc)));
    }

    [Fact]
    public void Fit_Interrupted_ModelSaysSo()
    {
        var (source, target) = SyntheticPair.Create();
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p => { if (p.Epoch == 3) cancel.Cancel(); });

        var ex = Assert.Throws<TrainingInterruptedException>(() =>
            new SourceOnly().Fit(source, target, SyntheticPair.SmallOptions(5), progress, cancel.Token));

        Assert.Equal("true", ex.BestModel!.Info["interrupted"]);
        Assert.Equal(2, ex.BestModel.History.Count);
        Assert.Equal("false", new SourceOnly().Fit(source, target, SyntheticPair.SmallOptions(1)).Model.Info["interrupted"]);
    }

    [Fact]
    public void Csv_MarksTheKeptEpochAndTheTargetLabelColumn()
    {
        var history = new[]
        {
            new EpochRecord(1, new Dictionary<string, double> { ["mse"] = 0.5 }, new Dictionary<string, double> { ["iwcv"] = 0.25 }, 0.125),
            new EpochRecord(2, new Dictionary<string, double> { ["mse"] = 0.375 }, new Dictionary<string, double> { ["iwcv"] = 0.3 }, double.NaN),
        };

        Assert.Equal("epoch,kept,mse_loss,iwcv,target_ccc_uses_target_labels\n1,1,0.5,0.25,0.125\n2,0,0.375,0.3,\n",
            TrainingHistory.Csv(history, keptEpoch: 1).ReplaceLineEndings("\n"));
    }

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
