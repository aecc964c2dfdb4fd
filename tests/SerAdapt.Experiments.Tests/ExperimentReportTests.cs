using SerAdapt.Adaptation;
using System.Globalization;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

public class ExperimentReportTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public void Report_TableCells_AreMeanAndStdOfResultsCsv()
    {
        using var tmp = new TempDir();
        var folder = ExperimentFolder.Create(tmp.Sub("r"), ExperimentRunnerTests.Tiny, Shard.Whole, false, false);
        ExperimentRunner.Run(folder, new FakeTrainer().Train);
        var rows = File.ReadAllLines(Path.Combine(folder.Directory, ExperimentReport.ResultsCsv));
        Assert.Equal("method,direction,source,target,seed,repeat,pearson,ccc,rmse,epochs,seconds,oracle", rows[0]);
        var report = File.ReadAllText(Path.Combine(folder.Directory, ExperimentReport.ReportMd));
        var fields = rows.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(24, fields.Count);
        foreach (var method in new[] { "source-only", "dann", "mrd" })
        {
            var cells = new List<string>();
            foreach (var direction in new[] { "a-to-b", "b-to-a" })
            {
                var mine = fields.Where(f => f[0] == method && f[1] == direction).ToList();
                cells.Add(Cell(mine.Select(f => double.Parse(f[6], Inv)).ToList()));
                cells.Add(Cell(mine.Select(f => double.Parse(f[7], Inv)).ToList()));
            }
            Assert.Contains($"| {MethodRegistry.Default.Display(method)} | {string.Join(" | ", cells)} |", report);
        }
        Assert.Contains("| iemocap → msp-improv PR | iemocap → msp-improv CCC | msp-improv → iemocap PR |", report);
        Assert.Contains("Reduced configuration", report);
        Assert.Contains("epochs: 2 (paper: 100)", report);
        Assert.DoesNotContain("Oracle", report);
        Assert.Contains("| MRD | 28.18 | 24.33 |", report); // the paper's Table 1 beside ours
    }

    [Fact]
    public void Report_WilcoxonRow_MatchesTheTestOnPairedCcc()
    {
        using var tmp = new TempDir();
        var config = ExperimentRunnerTests.Tiny with { Repeats = 6, Directions = "a-to-b" };
        var folder = ExperimentFolder.Create(tmp.Sub("w"), config, Shard.Whole, false, false);
        var results = ExperimentRunner.Run(folder, new FakeTrainer().Train);
        var mrd = results.Where(r => r.Method == "mrd").OrderBy(r => r.Repeat).Select(r => r.Ccc).ToArray();
        var so = results.Where(r => r.Method == "source-only").OrderBy(r => r.Repeat).Select(r => r.Ccc).ToArray();
        var test = SerAdapt.Evaluation.WilcoxonSignedRank.Test(mrd, so);
        var summary = ExperimentSummary.Of(config, results).Find("mrd", "a-to-b")!;
        Assert.Equal(test.PValue, summary.VersusSourceOnly!.CccP);
        Assert.Equal(6, summary.VersusSourceOnly.Pairs);
        // The fake gives MRD +0.1 CCC on every seed: all six differences positive, exact p = 2/64.
        Assert.Equal(2.0 / 64, test.PValue, 12);
        var report = File.ReadAllText(Path.Combine(folder.Directory, ExperimentReport.ReportMd));
        Assert.Contains("| iemocap → msp-improv | MRD | 6 |", report);
        Assert.Contains("| 0.031 |", report);
    }

    [Fact]
    public void Report_OracleSelection_SaysSo()
    {
        using var tmp = new TempDir();
        var folder = ExperimentFolder.Create(tmp.Sub("o"), ExperimentRunnerTests.Tiny with { Training = ExperimentRunnerTests.Tiny.Training with { Selection = ModelSelection.Oracle }, Repeats = 1 }, Shard.Whole, false, false);
        ExperimentRunner.Run(folder, new FakeTrainer().Train);
        Assert.Contains("Oracle model selection", File.ReadAllText(Path.Combine(folder.Directory, ExperimentReport.ReportMd)));
    }

    [Fact]
    public void Report_PaperConfiguration_HasNoReducedNotice()
    {
        using var tmp = new TempDir();
        var config = new ExperimentConfig { CorpusA = "a.parquet", CorpusB = "b.parquet" };
        ExperimentReport.Write(tmp.Path, config, Shard.Whole, [], RunRecord.Capture(new Dictionary<string, CorpusFingerprint>()));
        var report = File.ReadAllText(tmp.Sub(ExperimentReport.ReportMd));
        Assert.DoesNotContain("Reduced configuration", report);
        Assert.Contains("0 of 100 runs finished", report);
    }

    private static string Cell(IReadOnlyList<double> v)
    {
        double mean = v.Average();
        double std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1));
        return string.Create(Inv, $"{mean * 100:F2} ± {std * 100:F2}");
    }
}
