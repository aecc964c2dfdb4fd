using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SerAdapt.Adaptation;
using SerAdapt.Engine;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt bench</c>: what this machine gives (FMA peak, GEMM GFLOP/s at the paper's batch-64 shapes,
/// seconds per MRD epoch).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads to use (default and 0: all cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "Time spent on each GEMM shape.",
            DefaultValueFactory = _ => 1.0,
        };
        var mrdBatches = new Option<int>("--mrd-batches")
        {
            Description = "MRD training batches timed after 3 warm-up batches (0: skip the MRD measurement).",
            DefaultValueFactory = _ => 24,
        };
        var mrdInputs = new Option<int>("--mrd-inputs")
        {
            Description = "Input features of the timed MRD network (paper: 1582).",
            DefaultValueFactory = _ => 1582,
        };
        var mrdWidth = new Option<int>("--mrd-width")
        {
            Description = "Width of every hidden layer of the timed MRD network (paper: 1024).",
            DefaultValueFactory = _ => 1024,
        };
        var command = new Command("bench",
            "Measure the engine's speed on this machine: FMA peak, GEMM GFLOP/s at the paper's layer shapes (batch 64) " +
            "and seconds per MRD epoch of 10k + 10k utterances (paper network, synthetic data).");
        command.Options.Add(json);
        command.Options.Add(threads);
        command.Options.Add(seconds);
        command.Options.Add(mrdBatches);
        command.Options.Add(mrdInputs);
        command.Options.Add(mrdWidth);
        command.SetAction(parse =>
        {
            int t = parse.GetValue(threads);
            if (t < 0) throw new ArgumentException($"--threads must be 0 (all cores) or more, got {t}.");
            if (t == 0) t = Environment.ProcessorCount;
            var result = EngineBenchmark.Run(t, secondsPerShape: parse.GetValue(seconds));
            if (parse.GetValue(mrdBatches) > 0)
                result = WithMrd(result, t, parse.GetValue(mrdBatches), parse.GetValue(mrdInputs), parse.GetValue(mrdWidth));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(result));
            else
                WriteTable(result, output);
            return 0;
        });
        return command;
    }

    private static EngineBenchmarkResult WithMrd(EngineBenchmarkResult result, int threads, int batches, int inputs, int width)
    {
        var mrd = MrdBenchmark.Run(inputs, width, batches: batches, threads: threads);
        return result with
        {
            MrdEpochSeconds10k = mrd.EpochSeconds10k,
            MrdBatchSeconds = mrd.MeanBatchSeconds,
            MrdBatchSecondsMedian = mrd.MedianBatchSeconds,
            MrdAllocatedBytesPerBatch = mrd.AllocatedBytesPerBatch,
            MrdConfiguration = mrd.Configuration,
            MrdGemmGflopPerBatch = mrd.GemmFlopsPerBatch / 1e9,
        };
    }

    private static void WriteTable(EngineBenchmarkResult result, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        string S(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        string Pct(double v) => (v / result.PeakGflops).ToString("P0", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("GEMM (batch 64)", "best GFLOP/s", "best / peak", "median GFLOP/s", "median / peak");
        foreach (var shape in result.Shapes)
            table.AddRow(Markup.Escape(shape.Shape), F(shape.BestGflops), Pct(shape.BestGflops), F(shape.MedianGflops), Pct(shape.MedianGflops));
        table.Caption = new TableTitle(
            $"{Markup.Escape(result.Cpu ?? "?")}; {result.Threads} thread(s), {result.Kernel} kernel, FMA peak {F(result.PeakGflops)} GFLOP/s; " +
            string.Join(", ", result.GemmGflops.Select(kv => $"{kv.Key} {F(kv.Value)}")) + " GFLOP/s");
        console.Write(table);
        if (result.MrdEpochSeconds10k is { } epoch)
            console.WriteLine(
                $"MRD ({result.MrdConfiguration}): {S(result.MrdBatchSeconds!.Value)} s per batch (mean; median " +
                $"{S(result.MrdBatchSecondsMedian!.Value)}), {F(epoch)} s per 10k + 10k epoch, " +
                $"{result.MrdAllocatedBytesPerBatch!.Value.ToString("F0", CultureInfo.InvariantCulture)} bytes allocated per batch; " +
                $"{F(result.MrdGemmGflopPerBatch!.Value)} GFLOP of products per batch = {Pct(result.MrdGemmGflopPerBatch.Value / result.MrdBatchSeconds.Value)} of the peak");
    }
}
