using System.Diagnostics;

namespace SerAdapt.Engine;

/// <summary>
/// The quick self-check behind <c>seradapt bench</c>: the CPU, the chosen micro-kernel, the FMA peak
/// and the GEMM GFLOP/s at the paper's batch-64 layer shapes (each also as a share of the peak).
/// gemm_gflops[op] is the total work of that operation over the 1582 -> 1024 and 1024 -> 1024
/// layers divided by the sum of their median times.
/// </summary>
public static class EngineBenchmark
{
    public static EngineBenchmarkResult Run(int threads, int batch = 64, double secondsPerShape = 1.0, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        double peak = FmaPeak.MeasureGflops(threads);
        var random = new Random(seed);
        var shapes = new List<GemmShapeResult>();
        var flops = new Dictionary<string, double>();
        var seconds = new Dictionary<string, double>();
        foreach (var shape in GemmShape.PaperLayers(batch))
        {
            var (best, median) = Time(shape.Allocate(random), secondsPerShape, threads);
            shapes.Add(new GemmShapeResult(shape.ToString(), shape.Operation, shape.Flops / best / 1e9, shape.Flops / median / 1e9, peak));
            flops[shape.Operation] = flops.GetValueOrDefault(shape.Operation) + shape.Flops;
            seconds[shape.Operation] = seconds.GetValueOrDefault(shape.Operation) + median;
        }
        var gemm = flops.ToDictionary(kv => kv.Key, kv => kv.Value / seconds[kv.Key] / 1e9);
        return new EngineBenchmarkResult(peak, gemm, threads, Gemm.Kernel.ToString(), shapes) { Cpu = CpuInfo.Current.ToString() };
    }

    /// <summary>Best and median seconds per call on <paramref name="threads"/> threads, over calls made for about <paramref name="budget"/> seconds after warm-up.</summary>
    public static (double Best, double Median) Time(GemmOperands operands, double budget, int threads)
    {
        for (int i = 0; i < 3; i++)
            operands.Run(threads);
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (total.Elapsed.TotalSeconds < budget && times.Count < 10_000))
        {
            long start = Stopwatch.GetTimestamp();
            operands.Run(threads);
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        return (times[0], times[times.Count / 2]);
    }
}
