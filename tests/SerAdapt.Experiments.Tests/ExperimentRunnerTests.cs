using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

public class ExperimentRunnerTests
{
    internal static readonly ExperimentConfig Tiny = new()
    {
        CorpusA = "/data/iemocap.parquet",
        CorpusB = "/data/msp-improv.parquet",
        Methods = ["source-only", "dann", "mrd"],
        Repeats = 4,
        Training = new TrainingOptions { Epochs = 2, Seed = 7 },
    };

    private static IReadOnlyList<RunResult> RunAll(string dir, ExperimentConfig config, FakeTrainer trainer, Shard? shard = null, bool resume = false)
    {
        var folder = ExperimentFolder.Create(dir, config, shard ?? Shard.Whole, resume, force: false);
        return ExperimentRunner.Run(folder, trainer.Train);
    }

    private static void AssertSameOutcomes(IReadOnlyList<RunResult> expected, IReadOnlyList<RunResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var byKey = actual.ToDictionary(r => r.Key);
        foreach (var e in expected)
            Assert.True(e.SameOutcome(byKey[e.Key]), $"{e.Key} differs");
    }

    [Fact]
    public void Resume_AfterCrashMidway_SkipsFinishedRunsAndEqualsUninterrupted()
    {
        using var tmp = new TempDir();
        var reference = RunAll(tmp.Sub("whole"), Tiny, new FakeTrainer());

        var crashing = new FakeTrainer { CrashAfter = 5 };
        Assert.Throws<SimulatedCrashException>(() => RunAll(tmp.Sub("crashed"), Tiny, crashing));
        Assert.Equal(5, RunLog.Read(Path.Combine(tmp.Sub("crashed"), RunLog.FileName)).Count);

        var second = new FakeTrainer();
        var resumed = RunAll(tmp.Sub("crashed"), Tiny, second, resume: true);
        Assert.Equal(reference.Count - 5, second.Calls);
        AssertSameOutcomes(reference, resumed);
        Assert.Equal(File.ReadAllLines(Path.Combine(tmp.Sub("whole"), ExperimentReport.ResultsCsv)).Select(DropSeconds),
            File.ReadAllLines(Path.Combine(tmp.Sub("crashed"), ExperimentReport.ResultsCsv)).Select(DropSeconds));
    }

    [Fact]
    public void Resume_TruncatedLastLine_RerunsThatRunOnly()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("r");
        var reference = RunAll(dir, Tiny, new FakeTrainer());
        var log = Path.Combine(dir, RunLog.FileName);
        var bytes = File.ReadAllBytes(log);
        // A kill -9 during the append of the last run leaves half a line.
        File.WriteAllBytes(log, bytes[..(bytes.Length - 20)]);
        Assert.Equal(reference.Count - 1, RunLog.Read(log).Count);

        var trainer = new FakeTrainer();
        var resumed = RunAll(dir, Tiny, trainer, resume: true);
        Assert.Equal([reference[^1].Key], trainer.Trained);
        AssertSameOutcomes(reference, resumed);
        Assert.Equal(reference.Count, RunLog.Read(log).Count);
    }

    [Fact]
    public void Run_Cancelled_KeepsFinishedRunsInLog()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("c");
        using var cts = new CancellationTokenSource();
        var trainer = new FakeTrainer();
        var folder = ExperimentFolder.Create(dir, Tiny, Shard.Whole, false, false);
        var events = new CallbackProgress(e => { if (e is RunFinished { Number: 3 }) cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => ExperimentRunner.Run(folder, trainer.Train, events, cts.Token));
        Assert.Equal(3, RunLog.Read(Path.Combine(dir, RunLog.FileName)).Count);
    }

    [Fact]
    public void Shards_MergedTogether_EqualOneUnshardedRun()
    {
        using var tmp = new TempDir();
        var whole = RunAll(tmp.Sub("whole"), Tiny, new FakeTrainer());
        var trainers = Enumerable.Range(0, 3).Select(_ => new FakeTrainer()).ToList();
        for (int k = 0; k < 3; k++)
            RunAll(tmp.Sub($"shard{k}"), Tiny with { Training = Tiny.Training with { Threads = k + 1 } }, trainers[k], new Shard(k, 3));
        Assert.Equal(whole.Count, trainers.Sum(t => t.Calls));
        Assert.Empty(trainers[0].Trained.Intersect(trainers[1].Trained));

        var (_, merged) = ShardMerger.Merge([tmp.Sub("shard2"), tmp.Sub("shard0"), tmp.Sub("shard1")], tmp.Sub("merged"), force: false);
        AssertSameOutcomes(whole, merged);
        Assert.Equal(whole.Select(r => r.Key), merged.Select(r => r.Key));
        Assert.Equal(File.ReadAllLines(Path.Combine(tmp.Sub("whole"), ExperimentReport.ResultsCsv)).Select(DropSeconds),
            File.ReadAllLines(Path.Combine(tmp.Sub("merged"), ExperimentReport.ResultsCsv)).Select(DropSeconds));
    }

    [Fact]
    public void Merge_FoldersOfDifferentConfigurations_FailsNamingTheSetting()
    {
        using var tmp = new TempDir();
        RunAll(tmp.Sub("s0"), Tiny, new FakeTrainer(), new Shard(0, 2));
        RunAll(tmp.Sub("s1"), Tiny with { Training = Tiny.Training with { Epochs = 3 } }, new FakeTrainer(), new Shard(1, 2));
        var ex = Assert.Throws<ReportFolderException>(() => ShardMerger.Merge([tmp.Sub("s0"), tmp.Sub("s1")], tmp.Sub("m"), false));
        Assert.Contains("epochs", ex.Message);
    }

    [Fact]
    public void Merge_SameShardTwice_Fails()
    {
        using var tmp = new TempDir();
        RunAll(tmp.Sub("s0"), Tiny, new FakeTrainer(), new Shard(0, 2));
        RunAll(tmp.Sub("s0b"), Tiny, new FakeTrainer(), new Shard(0, 2));
        var ex = Assert.Throws<ReportFolderException>(() => ShardMerger.Merge([tmp.Sub("s0"), tmp.Sub("s0b")], tmp.Sub("m"), false));
        Assert.Contains("both shard 0/2", ex.Message);
    }

    [Fact]
    public void Create_ExistingReportWithoutForceOrResume_IsRefused()
    {
        using var tmp = new TempDir();
        RunAll(tmp.Sub("r"), Tiny, new FakeTrainer());
        var ex = Assert.Throws<ReportFolderException>(() => ExperimentFolder.Create(tmp.Sub("r"), Tiny, Shard.Whole, false, false));
        Assert.Contains("--resume", ex.Message);
        var forced = ExperimentFolder.Create(tmp.Sub("r"), Tiny, Shard.Whole, false, force: true);
        Assert.Empty(forced.ReadResults());
    }

    [Fact]
    public void Create_ForceOnFolderThatIsNoReport_IsRefusedAndKeepsFiles()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.Sub("thesis.tex"), "precious");
        Assert.Throws<ReportFolderException>(() => ExperimentFolder.Create(tmp.Path, Tiny, Shard.Whole, resume: true, force: true));
        Assert.True(File.Exists(tmp.Sub("thesis.tex")));
    }

    [Fact]
    public void Resume_WithOtherConfiguration_FailsNamingTheSetting()
    {
        using var tmp = new TempDir();
        RunAll(tmp.Sub("r"), Tiny, new FakeTrainer());
        var ex = Assert.Throws<ReportFolderException>(() =>
            ExperimentFolder.Create(tmp.Sub("r"), Tiny with { Training = Tiny.Training with { LearningRate = 5e-4f } }, Shard.Whole, resume: true, force: false));
        Assert.Contains("lr", ex.Message);
    }

    [Fact]
    public void Events_ReportStartStepsAndFinishOfEveryRun()
    {
        using var tmp = new TempDir();
        var events = new List<ExperimentEvent>();
        var folder = ExperimentFolder.Create(tmp.Sub("e"), Tiny with { Repeats = 1 }, Shard.Whole, false, false);
        ExperimentRunner.Run(folder, new FakeTrainer().Train, new CallbackProgress(events.Add));
        Assert.Equal(new ExperimentStarted(6, 0, 6), events[0]);
        Assert.Equal(6, events.OfType<RunStarted>().Count());
        Assert.Equal(6, events.OfType<RunProgressed>().Count());
        Assert.Equal(Enumerable.Range(1, 6), events.OfType<RunFinished>().Select(e => e.Number));
    }

    private static string DropSeconds(string csvLine) => string.Join(',', csvLine.Split(',').Where((_, i) => i != 10));
}

internal sealed class CallbackProgress(Action<ExperimentEvent> action) : IProgress<ExperimentEvent>
{
    public void Report(ExperimentEvent value) => action(value);
}
