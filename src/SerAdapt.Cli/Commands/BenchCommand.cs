using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SerAdapt.Engine;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary><c>seradapt bench</c>: what this machine gives (FMA peak, GEMM GFLOP/s at the paper's batch-64 shapes).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads to use (default: the processor count).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "Time spent on each GEMM shape.",
            DefaultValueFactory = _ => 1.0,
        };
        var command = new Command("bench", "Measure the engine's speed on this machine: FMA peak and GEMM GFLOP/s at the paper's layer shapes (batch 64).");
        command.Options.Add(json);
        command.Options.Add(threads);
        command.Options.Add(seconds);
        command.SetAction(parse =>
        {
            var result = EngineBenchmark.Run(parse.GetValue(threads), secondsPerShape: parse.GetValue(seconds));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(result));
            else
                WriteTable(result, output);
            return 0;
        });
        return command;
    }

    private static void WriteTable(EngineBenchmarkResult result, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        string Pct(double v) => (v / result.PeakGflops).ToString("P0", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("GEMM (batch 64)", "best GFLOP/s", "median GFLOP/s", "median / peak");
        foreach (var shape in result.Shapes)
            table.AddRow(Markup.Escape(shape.Shape), F(shape.BestGflops), F(shape.MedianGflops), Pct(shape.MedianGflops));
        table.Caption = new TableTitle(
            $"{result.Threads} thread(s), {result.Kernel} kernel, FMA peak {F(result.PeakGflops)} GFLOP/s; " +
            string.Join(", ", result.GemmGflops.Select(kv => $"{kv.Key} {F(kv.Value)}")) + " GFLOP/s");
        console.Write(table);
    }
}
