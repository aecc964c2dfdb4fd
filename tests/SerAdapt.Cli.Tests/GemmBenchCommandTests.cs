using System.CommandLine;
using System.Text.Json;
using SerAdapt.Cli;
using SerAdapt.Cli.Commands;

namespace SerAdapt.Cli.Tests;

public class GemmBenchCommandTests
{
    [Fact]
    public void Bench_Json_PrintsOneObjectWithPeakGemmAndThreads()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        var output = new StringWriter();
        int code = CliApp.Run(root, ["bench", "--json", "--threads", "1", "--seconds", "0.01"], output, new StringWriter());
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        var result = json.RootElement;
        Assert.True(result.GetProperty("peak_gflops").GetDouble() > 0);
        Assert.Equal(1, result.GetProperty("threads").GetInt32());
        var gemm = result.GetProperty("gemm_gflops");
        foreach (var op in new[] { "forward", "dW", "dX" })
            Assert.True(gemm.GetProperty(op).GetDouble() > 0, op);
    }

    [Fact]
    public void Bench_Table_NamesEveryShape()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(BenchCommand.Create());
        var output = new StringWriter();
        int code = CliApp.Run(root, ["bench", "--threads", "1", "--seconds", "0.01"], output, new StringWriter());
        Assert.Equal(0, code);
        string text = output.ToString();
        Assert.Contains("FMA peak", text);
        Assert.Contains("64x1582", text);
        Assert.Contains("dW", text);
    }
}
