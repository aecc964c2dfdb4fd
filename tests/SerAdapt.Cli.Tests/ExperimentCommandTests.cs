using System.Globalization;
using System.Text.Json.Nodes;
using SerAdapt.Data;
using SerAdapt.Experiments;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// Two tiny synthetic corpora (16 features, the generator's least) and one finished unsharded experiment on them
/// (Source-only and MRD, both directions, 2 repeats, 2 epochs, width 16): the reference the
/// experiment/merge tests compare with.
/// </summary>
public sealed class TinyExperiment : TinyCorpusFolder
{
    public TinyExperiment() : base(ConfigText) => Baseline = ConsoleCapture.Run(Args(Reference));

    /// <summary>Small, fast settings; width 64 here, 16 on the command line: the flags must win over the file.</summary>
    public const string ConfigText = """
            methods: [source-only, mrd]
            repeats: 2
            epochs: 2
            width: 64
            batch-size: 32
            encoder-layers: 2
            regressor-layers: 2
            mrd-r1-layers: 2
            mrd-r2-layers: 2
            selection: fixed
            threads: 1
            seed: 4
            """;

    public string[] Args(string output, params string[] extra) =>
        ["experiment", "--corpora", A, B, "--config", Config, "--width", "16", "-o", output, .. extra];
}

[Collection(nameof(ConsoleCollection))]
public sealed class ExperimentCommandTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>, IDisposable
{
    private const int PlannedRuns = 8; // 2 methods x 2 directions x 2 repeats
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-expcli-test").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private string CopyOfReference()
    {
        string copy = P("copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(tiny.Reference))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private static List<string[]> Rows(string folder) =>
        File.ReadAllLines(Path.Combine(folder, ExperimentReport.ResultsCsv)).Skip(1).Select(l => l.Split(',')).ToList();

    /// <summary>results.csv rows without the seconds column (wall time differs between runs).</summary>
    internal static List<string> RowsWithoutSeconds(string folder) =>
        Rows(folder).Select(r => string.Join(',', r.Where((_, i) => i != 10))).ToList();

    /// <summary>"mean ± std" in % of one results.csv column for a method and direction (sample std), as Table 1 prints it.</summary>
    private static string Cell(List<string[]> rows, string method, string direction, int column)
    {
        var values = rows.Where(r => r[0] == method && r[1] == direction).Select(r => double.Parse(r[column], Inv) * 100).ToArray();
        Assert.Equal(2, values.Length);
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return string.Create(Inv, $"{mean:F2} ± {std:F2}");
    }

    internal static void AssertOneLineError((int Code, string Out, string Err) result, params string[] parts)
    {
        Assert.Equal(1, result.Code);
        string line = result.Err.Trim();
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("seradapt: error: ", line);
        foreach (var part in parts) Assert.Contains(part, line);
    }

    [Fact]
    public void Experiment_WritesReportFolderAndPrintsTableOfResultsCsv()
    {
        var (code, output, error) = tiny.Baseline;
        Assert.True(code == 0, error);
        foreach (var file in new[] { ExperimentReport.ResultsCsv, ExperimentReport.SummaryJson, ExperimentReport.ReportMd, ExperimentReport.ChartPng })
            Assert.True(new FileInfo(Path.Combine(tiny.Reference, file)).Length > 0, file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(tiny.Reference, ExperimentReport.ChartPng))[..4]);

        var rows = Rows(tiny.Reference);
        Assert.Equal(PlannedRuns, rows.Count);
        Assert.All(rows, r => Assert.Equal("2", r[9])); // fixed: every run trains the 2 epochs
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(tiny.Reference, ExperimentReport.SummaryJson)))!;
        Assert.Equal(PlannedRuns, summary["finished-runs"]!.GetValue<int>());
        Assert.Equal(16, summary["config"]!["width"]!.GetValue<int>());
        Assert.Equal(2, summary["config"]!["encoder-layers"]!.GetValue<int>());

        // Console table and report.md: PR and CCC of each method and direction, mean ± std of results.csv.
        string report = File.ReadAllText(Path.Combine(tiny.Reference, ExperimentReport.ReportMd));
        Assert.Contains("Table 1", output);
        foreach (var (method, display) in new[] { ("source-only", "Source-only"), ("mrd", "MRD") })
        {
            string[] expected = [display, Cell(rows, method, "a-to-b", 6), Cell(rows, method, "a-to-b", 7), Cell(rows, method, "b-to-a", 6), Cell(rows, method, "b-to-a", 7)];
            var printed = output.Split('\n').Single(l => l.StartsWith($"│ {display} ", StringComparison.Ordinal))
                .Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(expected, printed);
            Assert.Contains($"| {string.Join(" | ", expected)} |", report);
        }
        Assert.Contains($"{PlannedRuns} of {PlannedRuns} runs", output);
        Assert.Contains("Report: " + Path.Combine(tiny.Reference, ExperimentReport.ReportMd), output);
    }

    [Fact]
    public void Experiment_SummaryAndReport_RecordCorpusRowsAndChecksums()
    {
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(tiny.Reference, ExperimentReport.SummaryJson)))!;
        string report = File.ReadAllText(Path.Combine(tiny.Reference, ExperimentReport.ReportMd));

        var record = summary["record"]!;
        foreach (var (role, file, rows) in new[] { ("a", tiny.A, 100), ("b", tiny.B, 130) })
        {
            var corpus = record["corpora"]![role]!;
            string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
            Assert.Equal(Path.Combine("..", Path.GetFileName(file)), corpus["path"]!.GetValue<string>());
            Assert.Equal(sha, corpus["sha256"]!.GetValue<string>());
            Assert.Equal(rows, corpus["rows"]!.GetValue<int>());
            Assert.Contains($"| {role} | `{Path.Combine("..", Path.GetFileName(file))}` | {rows} | {new FileInfo(file).Length} | `{sha}` |", report);
        }
        Assert.Equal(Environment.ProcessorCount, record["machine"]!["cores"]!.GetValue<int>());
        Assert.Contains("## Reproducing this result", report);
        // The settings are written once: the config, not again in the record.
        Assert.Null(record["settings"]);
        Assert.Equal(16, summary["config"]!["width"]!.GetValue<int>());
    }

    [Fact]
    public void Experiment_SameFolderWithoutResumeOrForce_FailsWithOneLineAndLeavesFiles()
    {
        string folder = CopyOfReference();
        var before = Snapshot(folder);

        var result = ConsoleCapture.Run(tiny.Args(folder));

        AssertOneLineError(result, folder, "already exists", "--resume", "--force");
        var after = Snapshot(folder);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before) Assert.True(bytes.SequenceEqual(after[name]), name);
    }

    [Fact]
    public void Experiment_ResumeWhenAllRunsFinished_RunsNothing()
    {
        string folder = CopyOfReference();
        var before = Snapshot(folder);

        var (code, output, error) = ConsoleCapture.Run(tiny.Args(folder, "--resume"));

        Assert.True(code == 0, error);
        Assert.Contains($"{PlannedRuns} runs planned, {PlannedRuns} already finished, 0 to run.", output);
        Assert.DoesNotContain("[1/", output);
        // A rerun would change the seconds column and append to the run log.
        Assert.Equal(before[RunLog.FileName], File.ReadAllBytes(Path.Combine(folder, RunLog.FileName)));
        Assert.Equal(before[ExperimentReport.ResultsCsv], File.ReadAllBytes(Path.Combine(folder, ExperimentReport.ResultsCsv)));
    }

    [Fact]
    public void Experiment_TwoShardsMerged_GiveTheRowsOfOneUnshardedRun()
    {
        var shard0 = ConsoleCapture.Run(tiny.Args(P("shard0"), "--shard", "0/2"));
        var shard1 = ConsoleCapture.Run(tiny.Args(P("shard1"), "--shard", "1/2"));
        Assert.True(shard0.Code == 0, shard0.Err);
        Assert.True(shard1.Code == 0, shard1.Err);
        Assert.Equal(PlannedRuns / 2, Rows(P("shard0")).Count);
        Assert.Equal(PlannedRuns / 2, Rows(P("shard1")).Count);

        var (code, output, error) = ConsoleCapture.Run("merge", P("shard0"), P("shard1"), "-o", P("merged"));

        Assert.True(code == 0, error);
        Assert.Equal(RowsWithoutSeconds(tiny.Reference), RowsWithoutSeconds(P("merged")));
        Assert.Contains($"{PlannedRuns} of {PlannedRuns} runs", output);
        Assert.DoesNotContain("missing", output);
        Assert.True(File.Exists(Path.Combine(P("merged"), ExperimentReport.ReportMd)));
    }

    [Fact]
    public void Experiment_UnknownConfigKey_FailsNamingKeyAndLine()
    {
        string config = P("typo.yaml");
        File.WriteAllText(config, "repeats: 1\nepoch: 2\n");

        var result = ConsoleCapture.Run("experiment", "--corpora", tiny.A, tiny.B, "--config", config, "-o", P("report"));

        AssertOneLineError(result, $"{config}:2:1: unknown key 'epoch'");
        Assert.False(Directory.Exists(P("report")));
    }

    [Fact]
    public void Tsne_WritesFigureDistortionAndSessions()
    {
        string folder = P("figure2");
        var (code, output, error) = ConsoleCapture.Run("tsne", "--source", tiny.A, "--target", tiny.B, "-o", folder,
            "--config", tiny.Config, "--width", "16", "--epochs", "2", "--seed", "3");

        Assert.True(code == 0, error);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(folder, "tsne.png"))[..4]);
        Assert.True(new FileInfo(Path.Combine(folder, "tsne.svg")).Length > 0);
        var distortion = File.ReadAllLines(Path.Combine(folder, TsneStudy.DistortionName));
        Assert.Equal("system,group,count,mean_source_distance,mean_abs_f1_f2,mean_abs_error", distortion[0]);
        var rows = distortion.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["source-only", "source-only", "mrd", "mrd"], rows.Select(r => r[0]));
        Assert.Equal(130, rows.Take(2).Sum(r => int.Parse(r[2], Inv))); // every target utterance, in one of the two valence groups
        Assert.Equal("", rows[0][4]); // Source-only has one head
        Assert.True(double.Parse(rows[2][4], Inv) >= 0);
        var sessions = File.ReadAllLines(Path.Combine(folder, TsneStudy.SessionsName)).Skip(1).ToList();
        Assert.Equal(2, sessions.Count(l => l.EndsWith(",true", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(folder, "models", "source-only", "model.json")));
        Assert.True(File.Exists(Path.Combine(folder, "models", "mrd", "model.json")));
        Assert.Contains("Sessions shown:", output);

        // The saved models are saved as train saves them: the target's statistics, the label and its scale.
        string predictions = P("tsne-mrd-predictions.csv");
        var (predictCode, predictOutput, predictError) = ConsoleCapture.Run("predict", "--model", Path.Combine(folder, "models", "mrd"), tiny.B, "-o", predictions);
        Assert.True(predictCode == 0, predictError);
        Assert.StartsWith("id,valence,", File.ReadLines(predictions).First());
        Assert.Contains("valence predictions of the mrd model", predictOutput);
    }

    [Fact]
    public void Demo_TinyScaleWithSmallSessions_WritesReportChartAndTsneFigure()
    {
        string folder = P("demo");
        // 0.005 of the real sizes leaves ~10 utterances per session: t-SNE lowers its perplexity for those panels.
        var (code, output, error) = ConsoleCapture.Run("demo", "-o", folder, "--scale", "0.005", "--repeats", "1", "--epochs", "1");

        Assert.True(code == 0, error);
        foreach (var file in new[] { ExperimentReport.ReportMd, ExperimentReport.ChartPng, "tsne.png" })
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 0, file);
        Assert.Equal(10, Rows(folder).Count); // 5 methods x 2 directions x 1 repeat
        Assert.Contains("## Figure 2", File.ReadAllText(Path.Combine(folder, ExperimentReport.ReportMd)));
        Assert.Contains("Report: " + Path.Combine(folder, ExperimentReport.ReportMd), output);
    }
}
