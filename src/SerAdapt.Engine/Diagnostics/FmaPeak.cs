using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SerAdapt.Engine;

/// <summary>
/// Measures the machine's floating-point peak: every thread runs independent chains of vector FMAs
/// (no memory traffic), all threads at once. GEMM figures are reported as a fraction of this.
/// </summary>
public static class FmaPeak
{
    private const int Chains = 12;

    /// <summary>
    /// GFLOP/s of <paramref name="threads"/> threads each running FMA chains at once. Many short rounds
    /// (about 2 ms each) for about <paramref name="seconds"/> in all, and the best one counts, so that
    /// other processes sharing the cores lower the figure as little as possible.
    /// </summary>
    public static double MeasureGflops(int threads, double seconds = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        long iterations = 1 << 12;
        Run(1, iterations); // JIT and clock warm-up
        while (Time(threads, iterations) < 0.002)
            iterations *= 2;
        double best = 0;
        var total = Stopwatch.StartNew();
        for (int round = 0; round < 5 || total.Elapsed.TotalSeconds < seconds; round++)
        {
            double elapsed = Time(threads, iterations);
            best = Math.Max(best, (double)threads * iterations * Chains * 2 * Lanes / elapsed / 1e9);
        }
        return best;
    }

    private static int Lanes => Vector512.IsHardwareAccelerated ? Vector512<float>.Count
        : Vector256.IsHardwareAccelerated ? Vector256<float>.Count : 1;

    private static double Time(int threads, long iterations)
    {
        using var go = new Barrier(threads);
        var workers = new Thread[threads - 1];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(() => { go.SignalAndWait(); Run(1, iterations); }) { IsBackground = true };
            workers[t].Start();
        }
        go.SignalAndWait();
        var clock = Stopwatch.StartNew();
        Run(1, iterations);
        foreach (var w in workers)
            w.Join();
        return clock.Elapsed.TotalSeconds;
    }

    private static float Run(int seed, long iterations) =>
        Vector512.IsHardwareAccelerated ? Chains512(seed, iterations)
        : Vector256.IsHardwareAccelerated ? Chains256(seed, iterations)
        : ChainsScalar(seed, iterations);

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Chains512(int seed, long iterations)
    {
        var m = Vector512.Create(0.999999f);
        var d = Vector512.Create(1e-7f * seed);
        Vector512<float> x0 = d, x1 = d * 2, x2 = d * 3, x3 = d * 4, x4 = d * 5, x5 = d * 6,
            x6 = d * 7, x7 = d * 8, x8 = d * 9, x9 = d * 10, x10 = d * 11, x11 = d * 12;
        for (long i = 0; i < iterations; i++)
        {
            x0 = Vector512.FusedMultiplyAdd(x0, m, d); x1 = Vector512.FusedMultiplyAdd(x1, m, d);
            x2 = Vector512.FusedMultiplyAdd(x2, m, d); x3 = Vector512.FusedMultiplyAdd(x3, m, d);
            x4 = Vector512.FusedMultiplyAdd(x4, m, d); x5 = Vector512.FusedMultiplyAdd(x5, m, d);
            x6 = Vector512.FusedMultiplyAdd(x6, m, d); x7 = Vector512.FusedMultiplyAdd(x7, m, d);
            x8 = Vector512.FusedMultiplyAdd(x8, m, d); x9 = Vector512.FusedMultiplyAdd(x9, m, d);
            x10 = Vector512.FusedMultiplyAdd(x10, m, d); x11 = Vector512.FusedMultiplyAdd(x11, m, d);
        }
        return Vector512.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float Chains256(int seed, long iterations)
    {
        var m = Vector256.Create(0.999999f);
        var d = Vector256.Create(1e-7f * seed);
        Vector256<float> x0 = d, x1 = d * 2, x2 = d * 3, x3 = d * 4, x4 = d * 5, x5 = d * 6,
            x6 = d * 7, x7 = d * 8, x8 = d * 9, x9 = d * 10, x10 = d * 11, x11 = d * 12;
        for (long i = 0; i < iterations; i++)
        {
            x0 = Vector256.FusedMultiplyAdd(x0, m, d); x1 = Vector256.FusedMultiplyAdd(x1, m, d);
            x2 = Vector256.FusedMultiplyAdd(x2, m, d); x3 = Vector256.FusedMultiplyAdd(x3, m, d);
            x4 = Vector256.FusedMultiplyAdd(x4, m, d); x5 = Vector256.FusedMultiplyAdd(x5, m, d);
            x6 = Vector256.FusedMultiplyAdd(x6, m, d); x7 = Vector256.FusedMultiplyAdd(x7, m, d);
            x8 = Vector256.FusedMultiplyAdd(x8, m, d); x9 = Vector256.FusedMultiplyAdd(x9, m, d);
            x10 = Vector256.FusedMultiplyAdd(x10, m, d); x11 = Vector256.FusedMultiplyAdd(x11, m, d);
        }
        return Vector256.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static float ChainsScalar(int seed, long iterations)
    {
        float m = 0.999999f, d = 1e-7f * seed;
        float x0 = d, x1 = 2 * d, x2 = 3 * d, x3 = 4 * d, x4 = 5 * d, x5 = 6 * d,
            x6 = 7 * d, x7 = 8 * d, x8 = 9 * d, x9 = 10 * d, x10 = 11 * d, x11 = 12 * d;
        for (long i = 0; i < iterations; i++)
        {
            x0 = MathF.FusedMultiplyAdd(x0, m, d); x1 = MathF.FusedMultiplyAdd(x1, m, d);
            x2 = MathF.FusedMultiplyAdd(x2, m, d); x3 = MathF.FusedMultiplyAdd(x3, m, d);
            x4 = MathF.FusedMultiplyAdd(x4, m, d); x5 = MathF.FusedMultiplyAdd(x5, m, d);
            x6 = MathF.FusedMultiplyAdd(x6, m, d); x7 = MathF.FusedMultiplyAdd(x7, m, d);
            x8 = MathF.FusedMultiplyAdd(x8, m, d); x9 = MathF.FusedMultiplyAdd(x9, m, d);
            x10 = MathF.FusedMultiplyAdd(x10, m, d); x11 = MathF.FusedMultiplyAdd(x11, m, d);
        }
        return x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11;
    }
}
