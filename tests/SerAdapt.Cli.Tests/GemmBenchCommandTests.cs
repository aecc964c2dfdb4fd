using System.CommandLine;
using System.Text.Json;
using SerAdapt.Cli;
using SerAdapt.Cli.Commands;

namespace SerAdapt.Cli.Tests;

public class GemmBenchCommandTests
{
    // A small network keeps the test fast; the MRD figures are the same code path as the paper's.
    private static readonly string[] TinyMrd = ["--mrd-batches", "2", "--mrd-inputs", "24", "--mrd-width", "16"];

    [Fact]
    public void Bench_Json_PrintsOneObjectWithPeakGemmThreadsAndMrdEpoch()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        var output = new StringWriter();
        int code = CliApp.Run(root, ["bench", "--json", "--threads", "1", "--seconds", "0.01", .. TinyMrd], output, new StringWriter());
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        var result = json.RootElement;
        Assert.True(result.GetProperty("peak_gflops").GetDouble() > 0);
        Assert.Equal(1, result.GetProperty("threads").GetInt32());
        var gemm = result.GetProperty("gemm_gflops");
        foreach (var op in new[] { "forward", "dW", "dX" })
            Assert.True(gemm.GetProperty(op).GetDouble() > 0, op);
        double batch = result.GetProperty("mrd_batch_seconds").GetDouble();
        Assert.True(batch > 0);
        Assert.Equal(batch * 157, result.GetProperty("mrd_epoch_seconds_10k").GetDouble(), 9);
        Assert.Contains("24-16x4", result.GetProperty("mrd_configuration").GetString());
    }

    [Fact]
    public void Bench_WithoutMrdBatches_LeavesTheMrdFiguresOut()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        var output = new StringWriter();
        int code = CliApp.Run(root, ["bench", "--json", "--threads", "1", "--seconds", "0.01", "--mrd-batches", "0"], output, new StringWriter());
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("mrd_epoch_seconds_10k").ValueKind);
    }

    [Fact]
    public void Bench_Table_NamesEveryShape()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        var output = new StringWriter();
        int code = CliApp.Run(root, ["bench", "--threads", "1", "--seconds", "0.01", .. TinyMrd], output, new StringWriter());
        Assert.Equal(0, code);
        string text = output.ToString();
        Assert.Contains("FMA peak", text);
        Assert.Contains("64x1582", text);
        Assert.Contains("dW", text);
        Assert.Contains("per 10k + 10k epoch", text);
    }
}
