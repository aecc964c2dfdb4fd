using BenchmarkDotNet.Attributes;
using SerAdapt.Features;

namespace SerAdapt.Benchmarks;

/// <summary>
/// The functionals layer alone: 1582 functionals from the LLD matrix of 10 s / 60 s of audio
/// (synthetic random-walk contours; the pitch-family columns are zero on unvoiced stretches, as
/// in speech, so the non-zero-only path is exercised). Real-time factor = seconds / mean time.
/// Run: dotnet run -c Release --project bench/SerAdapt.Benchmarks -- --filter '*Is10Functionals*'
/// </summary>
[MemoryDiagnoser]
public class Is10FunctionalsBenchmark
{
    private Is10Lld _lld = null!;

    [Params(10, 60)]
    public int Seconds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int frames = Seconds * 100;
        var random = new Random(42);
        var m = new float[frames, Is10Lld.Columns];
        var f0 = new float[frames - 1];
        bool voiced = false;
        for (int t = 0; t < frames; t++)
        {
            if (random.NextDouble() < 0.05) voiced = !voiced;
            for (int c = 0; c < Is10Lld.Columns; c++)
            {
                bool pitchFamily = c is >= 34 and < 38 or >= 72;
                float previous = t > 0 ? m[t - 1, c] : 1f;
                m[t, c] = pitchFamily && !voiced ? 0f : previous + (float)(random.NextDouble() - 0.5);
            }
            if (t < f0.Length) f0[t] = voiced ? 120f : 0f;
        }
        _lld = new Is10Lld(m, f0);
    }

    [Benchmark]
    public float[] Functionals() => Is10Functionals.Compute(_lld, Is10Variant.Is10);
}
