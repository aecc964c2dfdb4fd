using SerAdapt.Adaptation;
using SerAdapt.Evaluation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

public class DemoTests
{
    private static readonly DemoOptions Tiny = new(
        Scale: 0.012,
        Dimension: 24,
        Seed: 3,
        Experiment: new ExperimentConfig
        {
            Repeats = 2,
            Training = new TrainingOptions { Epochs = 2, Width = 16, EncoderLayers = 2, BatchSize = 16, Threads = 1 },
            MethodSettings = TinyCorpora.SmallNetworks,
        },
        Tsne: new TsneStudyOptions(MaxTargetPoints: 40, Tsne: new TsneOptions(Perplexity: 10, Iterations: 260)));

    [Fact]
    public void Demo_TinyConfiguration_WritesTable1ChartAndFigure2()
    {
        using var tmp = new TempDir();
        var dir = tmp.Sub("demo");
        var result = Demo.Run(dir, Tiny, force: false);

        Assert.Equal(20, File.ReadAllLines(Path.Combine(dir, ExperimentReport.ResultsCsv)).Length - 1);
        foreach (var file in new[] { "chart.png", "chart.svg", "tsne.png", "tsne.svg", "distortion.csv", "sessions.csv", "data/iemocap-synth.parquet" })
            Assert.True(new FileInfo(Path.Combine(dir, file)).Length > 0, file);
        var report = File.ReadAllText(Path.Combine(dir, ExperimentReport.ReportMd));
        Assert.Contains("This is `seradapt demo`", report);
        Assert.Contains("Reduced configuration", report);
        Assert.Contains("## Figure 2", report);
        Assert.Contains("| Deep CORAL |", report);

        // The sessions shown are those of largest and smallest Source-only error.
        var errors = result.Tsne.SessionErrors;
        Assert.Equal(6, errors.Count); // MSP-IMPROV-like: 6 sessions
        Assert.Equal([errors.MaxBy(e => e.SourceOnlyMae)!.Session, errors.MinBy(e => e.SourceOnlyMae)!.Session], result.Tsne.ShownSessions);
        // distortion.csv: both systems, both valence groups; only MRD has a head discrepancy.
        var rows = File.ReadAllLines(Path.Combine(dir, "distortion.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["source-only", "source-only", "mrd", "mrd"], rows.Select(r => r[0]));
        Assert.Equal("", rows[0][4]);
        Assert.True(double.Parse(rows[2][4], System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }

    [Fact]
    public void Demo_ExistingFolder_NeedsForceAndNeverTakesOtherFolders()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.Sub("notes.txt"), "mine");
        var ex = Assert.Throws<ReportFolderException>(() => Demo.Run(tmp.Path, Tiny, force: true));
        Assert.Contains("not a demo folder", ex.Message);
        Assert.True(File.Exists(tmp.Sub("notes.txt")));

        var dir = tmp.Sub("demo");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "demo.txt"), "earlier demo");
        ex = Assert.Throws<ReportFolderException>(() => Demo.Run(dir, Tiny, force: false));
        Assert.Contains("--force", ex.Message);
    }
}
