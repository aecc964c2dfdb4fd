using System.Text.Json.Nodes;
using SerAdapt.Data;
using SerAdapt.Experiments;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// <see cref="TinyCorpusFolder"/>'s two corpora and a third source, C (90 rows), and one finished unsharded experiment with
/// A and C as sources for the target B (Source-only, Train-on-Target and DANN, 2 repeats, 2 epochs, width 16): the reference
/// the several-source experiment tests compare with.
/// </summary>
public sealed class TwoSourceExperiment : TinyCorpusFolder
{
    public TwoSourceExperiment()
        : base(TinyExperiment.ConfigText.Replace("methods: [source-only, mrd]", "methods: [source-only, train-on-target, dann]")
            .Replace("width: 64", "width: 16") + "\ndann-discriminator-width: 16\n")
    {
        CorpusFile.Write(SyntheticBenchmark.Generate(new SyntheticBenchmarkOptions(Seed: 6, SourceSize: 90, TargetSize: 20, Dimension: 16)).Source, C);
        Baseline = ConsoleCapture.Run(Args(Reference));
    }

    public string C => Path.Combine(Dir, "corpus-c.parquet");

    public string[] Args(string output, params string[] extra) =>
        ["experiment", "--source", A, C, "--target", B, "--config", Config, "-o", output, .. extra];
}

[Collection(nameof(ConsoleCollection))]
public sealed class SeveralSourcesExperimentTests(TwoSourceExperiment two) : IClassFixture<TwoSourceExperiment>, IDisposable
{
    private const int PlannedRuns = 6; // 3 methods x 1 direction x 2 repeats
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-msexp-test").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Experiment_TwoSourcesOneTarget_ReportsOneDirectionAndRecordsEverySource()
    {
        var (code, output, error) = two.Baseline;
        Assert.True(code == 0, error);

        var rows = File.ReadAllLines(Path.Combine(two.Reference, ExperimentReport.ResultsCsv)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(PlannedRuns, rows.Count);
        Assert.All(rows, r => Assert.Equal([ExperimentConfig.SourcesToTarget, "corpus-a + corpus-c", "corpus-b"], r[1..4]));
        Assert.Equal(["dann", "source-only", "train-on-target"], rows.Select(r => r[0]).Distinct().Order());

        string report = File.ReadAllText(Path.Combine(two.Reference, ExperimentReport.ReportMd));
        Assert.Contains("# Cross-corpus valence regression: corpus-a + corpus-c → corpus-b", report);
        Assert.Contains("| Method | corpus-a + corpus-c → corpus-b PR | corpus-a + corpus-c → corpus-b CCC |\n", report);
        Assert.DoesNotContain("corpus-b → corpus-a", report);
        const string note = "Train-on-Target trains on the target's own labels (leave-one-session-out): the source corpora are not used for it.";
        Assert.Contains(note, report);
        Assert.Contains(note, output);
        Assert.Contains("sources → target CCC", output);

        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(two.Reference, ExperimentReport.SummaryJson)))!["record"]!["corpora"]!;
        foreach (var (role, file, count) in new[] { ("source-1", two.A, 100), ("source-2", two.C, 90), ("target", two.B, 130) })
        {
            string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
            Assert.Equal(sha, record[role]!["sha256"]!.GetValue<string>());
            Assert.Equal(count, record[role]!["rows"]!.GetValue<int>());
            Assert.Contains($"| {role} | `{Path.Combine("..", Path.GetFileName(file))}` | {count} |", report);
        }
    }

    [Fact]
    public void Experiment_CorporaAndSourceTogether_OrNeither_FailsWithOneLine()
    {
        ExperimentCommandTests.AssertOneLineError(ConsoleCapture.Run("experiment", "--corpora", two.A, two.B, "--source", two.C, "--target", two.B, "-o", P("both")),
            "--corpora", "--source/--target", "not both");
        ExperimentCommandTests.AssertOneLineError(ConsoleCapture.Run("experiment", "-o", P("neither")), "--corpora needs two corpora", "--source A C --target B");
        ExperimentCommandTests.AssertOneLineError(ConsoleCapture.Run("experiment", "--source", two.A, two.C, "-o", P("no-target")), "--source needs a target corpus");
        Assert.False(Directory.Exists(P("both")));
    }

    [Fact]
    public void Experiment_ResumeAfterASourceChanged_RefusesNamingThatSource()
    {
        string[] copies = [P("a.parquet"), P("b.parquet"), P("c.parquet")];
        foreach (var (from, to) in new[] { two.A, two.B, two.C }.Zip(copies)) File.Copy(from, to);
        string[] args = ["experiment", "--source", copies[0], copies[2], "--target", copies[1], "--config", two.Config, "--methods", "source-only", "--repeats", "1", "-o", P("run")];
        var first = ConsoleCapture.Run(args);
        Assert.True(first.Code == 0, first.Err);

        // corpus c made again at the same path, with other data.
        CorpusFile.Write(SyntheticBenchmark.Generate(new SyntheticBenchmarkOptions(Seed: 7, SourceSize: 90, TargetSize: 20, Dimension: 16)).Source, copies[2]);

        ExperimentCommandTests.AssertOneLineError(ConsoleCapture.Run([.. args, "--resume"]), copies[2], "changed since the experiment");
        // The same data again: the resume goes on (nothing left to run).
        File.Copy(two.C, copies[2], overwrite: true);
        var again = ConsoleCapture.Run([.. args, "--resume"]);
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("1 runs planned, 1 already finished, 0 to run.", again.Out);
    }

    [Fact]
    public void Experiment_TwoShardsMerged_GiveTheRowsOfOneUnshardedRun()
    {
        var shard0 = ConsoleCapture.Run(two.Args(P("shard0"), "--shard", "0/2"));
        var shard1 = ConsoleCapture.Run(two.Args(P("shard1"), "--shard", "1/2"));
        Assert.True(shard0.Code == 0, shard0.Err);
        Assert.True(shard1.Code == 0, shard1.Err);

        var (code, _, error) = ConsoleCapture.Run("merge", P("shard0"), P("shard1"), "-o", P("merged"));

        Assert.True(code == 0, error);
        Assert.Equal(ExperimentCommandTests.RowsWithoutSeconds(two.Reference), ExperimentCommandTests.RowsWithoutSeconds(P("merged")));
        var merged = ExperimentFolder.Open(P("merged"));
        Assert.Equal(["source-1", "source-2", "target"], merged.Corpora.Keys.Order());
        Assert.Equal([two.A, two.C], merged.Config.Sources);
    }

    [Fact]
    public void Experiment_GridWithSourcesInTheConfig_TrainsEveryPointForTheOneDirection()
    {
        string config = P("grid.yaml");
        File.WriteAllText(config, File.ReadAllText(two.Config).Replace("methods: [source-only, train-on-target, dann]", "methods: [source-only, dann]")
            + $"\nsource: [{Path.GetRelativePath(_dir, two.A)}, {Path.GetRelativePath(_dir, two.C)}]\ntarget: {Path.GetRelativePath(_dir, two.B)}\n"
            + "grid:\n  dann: {lr: [1e-3, 3e-3]}\n");

        var (code, _, error) = ConsoleCapture.Run("experiment", "--config", config, "-o", P("grid"));

        Assert.True(code == 0, error);
        var runs = RunLog.Read<EpochScores>(Path.Combine(P("grid"), SelectionStudy.GridLog));
        Assert.Equal(2 * (1 + 2), runs.Count); // 2 repeats x (source-only's one point + dann's two)
        Assert.All(runs, r => Assert.Equal(ExperimentConfig.SourcesToTarget, r.Direction));
        Assert.Equal(2, runs.Where(r => r.Method == "dann" && r.Repeat == 0).Select(r => r.TargetCcc[^1]).Distinct().Count());
        string report = File.ReadAllText(Path.Combine(P("grid"), ExperimentReport.ReportMd));
        Assert.Contains("# Model selection without target labels: corpus-a + corpus-c → corpus-b", report);
        Assert.Equal(["source-1", "source-2", "target"], ExperimentFolder.Open(P("grid")).Corpora.Keys.Order());
    }
}
