using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

public class GridExperimentTests
{
    private static readonly ExperimentConfig Small = new()
    {
        CorpusA = "a.parquet",
        CorpusB = "b.parquet",
        Methods = ["source-only", "mrd"],
        Repeats = 2,
        Training = new TrainingOptions { Epochs = 3, LearningRate = 3e-3f, Width = 16, EncoderLayers = 2, BatchSize = 16, Threads = 1 },
        MethodSettings = TinyCorpora.SmallNetworks,
        Grid = new HyperparameterGrid([new("mrd", [new GridAxis("lr", [1e-3f, 3e-3f]), new GridAxis("m", [1, 2])])]),
    };

    private static AdaptationTrainer Trainer(ExperimentConfig config) =>
        new(config, TinyCorpora.Make("a", 100, 12, 3, 0f, 1), TinyCorpora.Make("b", 80, 12, 3, 0.5f, 2));

    [Fact]
    public void Parse_GridSection_ReadsEveryMethodsPoints()
    {
        var c = ExperimentConfigFile.Parse("methods: [source-only, mrd, coral]\ngrid:\n  mrd: {lr: [5e-5, 1e-4], m: [1, 3]}\n  coral: {coral-lambda: [0.3, 1, 3]}\n", "exp.yaml");

        Assert.Equal(["lr=5E-05 m=1", "lr=5E-05 m=3", "lr=0.0001 m=1", "lr=0.0001 m=3"], c.Grid.Points("mrd").Select(p => p.Label(c.Registry)));
        Assert.Equal(3, c.Grid.Points("coral").Count);
        Assert.Equal(["defaults"], c.Grid.Points("source-only").Select(p => p.Label(c.Registry)));
        var point = c.ForPoint(c.Grid.Points("mrd")[3]);
        Assert.Equal(1e-4f, point.Training.LearningRate);
        Assert.Equal(3, point.MethodSettings["m"]);
        // The grid is part of the configuration: a resumed folder must have the same one.
        Assert.Equal(c.Grid.Points("mrd").Count, ExperimentConfig.FromJson(ExperimentConfig.ToJson(c)).Grid.Points("mrd").Count);
    }

    [Theory]
    [InlineData("methods: [mrd]\ngrid:\n  mrd: {coral-lambda: [1, 3]}\n", "exp.yaml:3:9: coral-lambda is not a setting of mrd")]
    [InlineData("methods: [mrd]\ngrid:\n  mrd: {m: [1, 0]}\n", "exp.yaml:3:16: m must be at least 1")]
    [InlineData("methods: [mrd]\ngrid:\n  mrd: {seed: [1, 2]}\n", "exp.yaml:3:9: seed cannot be a grid setting")]
    [InlineData("methods: [mrd]\ngrid:\n  mrdd: {m: [1, 3]}\n", "exp.yaml:3:3: grid has an unknown method 'mrdd'")]
    [InlineData("methods: [source-only]\ngrid:\n  mrd: {m: [1, 3]}\n", "exp.yaml:3:3: grid names 'mrd', which is not among the methods run")]
    [InlineData("methods: [mrd]\ngrid:\n  mrd: {m: [1, 1]}\n", "exp.yaml:3:12: 'm' lists a value twice")]
    [InlineData("methods: [mrd]\ngrid:\n  mrd: {patience: [3, 10]}\n", "exp.yaml:3:9: patience cannot be a grid setting")]
    [InlineData("methods: [train-on-target, mrd]\ngrid:\n  mrd: {m: [1, 3]}\n", "exp.yaml:3:3: grid cannot run with train-on-target")]
    public void Parse_BadGrid_FailsWithFileLineAndColumn(string yaml, string expected)
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse(yaml, "exp.yaml"));

        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void Grid_ShardsMergedAndResumedRun_EqualOneUnshardedRunBitForBit()
    {
        var trainer = Trainer(Small);
        using var tmp = new TempDir();
        var whole = SelectionStudy.Run(ExperimentFolder.Create(tmp.Sub("whole"), Small, Shard.Whole, false, false), trainer.TrainGrid);
        Assert.Equal(2 * 2 * (1 + 4), whole.Count);
        Assert.All(whole, r =>
        {
            Assert.Equal(["source-val", "iwcv", "dev"], r.Scores.Keys);
            Assert.All(r.Scores.Values, v => Assert.Equal(3, v.Length));
            Assert.All(r.TargetCcc, c => Assert.InRange(c, -1, 1));
        });
        // Every point of a repeat has the repeat's seed; different settings give different curves.
        var mrd = whole.Where(r => r.Method == "mrd" && r.Direction == "a-to-b" && r.Repeat == 0).ToList();
        Assert.Single(mrd.Select(r => r.Seed).Distinct());
        Assert.Equal(4, mrd.Select(r => r.TargetCcc[^1]).Distinct().Count());

        // A rerun gives the same numbers bit for bit.
        var again = SelectionStudy.Run(ExperimentFolder.Create(tmp.Sub("again"), Small, Shard.Whole, false, false), Trainer(Small).TrainGrid);
        Assert.True(whole.Zip(again).All(p => p.First.SameAs(p.Second)));

        // Shards, merged.
        for (int k = 0; k < 3; k++)
            SelectionStudy.Run(ExperimentFolder.Create(tmp.Sub($"shard{k}"), Small, new Shard(k, 3), false, false), trainer.TrainGrid);
        var merged = ExperimentFolder.Open(ShardMerger.Merge([tmp.Sub("shard2"), tmp.Sub("shard0"), tmp.Sub("shard1")], tmp.Sub("merged"), false).Folder.Directory);
        var mergedRuns = RunLog.Read<EpochScores>(Path.Combine(merged.Directory, SelectionStudy.GridLog));
        Assert.Equal(whole.Count, mergedRuns.Count);
        Assert.True(whole.Zip(mergedRuns).All(p => p.First.SameAs(p.Second)));
        Assert.Equal(File.ReadAllText(Path.Combine(tmp.Sub("whole"), SelectionReport.Csv)), File.ReadAllText(Path.Combine(merged.Directory, SelectionReport.Csv)));

        // Crash after 6 grid runs, resume: only the missing points are trained, and the numbers are the same.
        int calls = 0;
        GridTrainer crashing = (run, p, ct) => ++calls > 6 ? throw new SimulatedCrashException() : trainer.TrainGrid(run, p, ct);
        var dir = tmp.Sub("resumed");
        Assert.Throws<SimulatedCrashException>(() => SelectionStudy.Run(ExperimentFolder.Create(dir, Small, Shard.Whole, false, false), crashing));
        Assert.Equal(6, RunLog.Read<EpochScores>(Path.Combine(dir, SelectionStudy.GridLog)).Count);
        int trained = 0;
        var resumed = SelectionStudy.Run(ExperimentFolder.Create(dir, Small, Shard.Whole, resume: true, false), (run, p, ct) => { trained++; return trainer.TrainGrid(run, p, ct); });
        Assert.Equal(whole.Count - 6, trained);
        Assert.True(whole.Zip(resumed).All(p => p.First.SameAs(p.Second)));
    }

    [Fact]
    public void Report_WritesTheSelectionTableFiguresAndRegret()
    {
        using var tmp = new TempDir();
        var folder = ExperimentFolder.Create(tmp.Sub("r"), Small, Shard.Whole, false, false);
        var runs = SelectionStudy.Run(folder, Trainer(Small).TrainGrid);

        var outcomes = SelectionStudy.Analyse(Small, runs);
        Assert.Equal(2 * 2 * 4, outcomes.Count);
        foreach (var o in outcomes)
        {
            Assert.Equal(2, o.Choices.Count);
            Assert.All(o.Choices, c => Assert.True(c.Regret >= 0));
            // The oracle's best is the highest target CCC over every point and epoch of the repeat.
            Assert.All(o.Choices, c => Assert.Equal(runs.Where(r => r.Method == o.Method && r.Direction == o.Direction && r.Repeat == c.Repeat)
                .SelectMany(r => r.TargetCcc).Max(), c.OracleCcc));
        }
        Assert.All(outcomes.Where(o => o.Criterion == "oracle"), o => Assert.Equal(0, o.Regret.Mean));
        var sourceVal = outcomes.First(o => o.Method == "mrd" && o.Direction == "a-to-b" && o.Criterion == "source-val").Choices[0];
        var chosenRun = runs.First(r => r.Method == "mrd" && r.Direction == "a-to-b" && r.Repeat == 0 && r.Point == sourceVal.Point);
        double lowest = runs.Where(r => r.Method == "mrd" && r.Direction == "a-to-b" && r.Repeat == 0).SelectMany(r => r.Scores["source-val"]).Min();
        Assert.Equal(lowest, chosenRun.Scores["source-val"][sourceVal.Epoch - 1]);

        Assert.True(File.Exists(Path.Combine(folder.Directory, "selection-mrd.png")));
        Assert.True(File.Exists(Path.Combine(folder.Directory, "selection-source-only.svg")));
        var csv = File.ReadAllLines(Path.Combine(folder.Directory, SelectionReport.Csv));
        Assert.Equal(1 + 2 * 2 * 4 * 2, csv.Length);
        var report = File.ReadAllText(Path.Combine(folder.Directory, ExperimentReport.ReportMd));
        Assert.Contains("| oracle (uses target labels) |", report);
        Assert.Contains("## Reproducing this result", report);
    }

    [Fact]
    public void KeepingModels_SavesEveryGridPointsModel_OnlyWhenAsked()
    {
        var config = Small with { Repeats = 1, Directions = "a-to-b", Methods = ["mrd"] };
        using var tmp = new TempDir();
        var trainer = Trainer(config);
        var kept = ExperimentFolder.Create(tmp.Sub("kept"), config, Shard.Whole, false, false);
        SelectionStudy.Run(kept, trainer.KeepingModelsIn(kept.Directory));
        var plain = ExperimentFolder.Create(tmp.Sub("plain"), config, Shard.Whole, false, false);
        SelectionStudy.Run(plain, trainer.TrainGrid);

        Assert.False(Directory.Exists(Path.Combine(plain.Directory, "models")));
        var runs = SelectionStudy.Plan(config);
        Assert.Equal(4, runs.Count);
        foreach (var run in runs)
        {
            var model = ValenceModel.Load(SelectionStudy.ModelFolder(kept.Directory, run));
            Assert.Equal(run.Point.Label(config.Registry), model.Info["grid_point"]);
            Assert.NotNull(model.Normalisation);
            Assert.Equal("valence", model.Info["label"]);
            Assert.True(model.Info.ContainsKey("label_scale"));
        }
        Assert.Equal("lr=0.003 m=2", ValenceModel.Load(SelectionStudy.ModelFolder(kept.Directory, runs[3])).Info["grid_point"]);
    }
}
