using BenchmarkDotNet.Attributes;
using SerAdapt.Features;

namespace SerAdapt.Benchmarks;

/// <summary>
/// The IS10 frame-level pipeline (Is10LldExtractor.Compute) on one core, on a synthetic
/// speech-like signal: voiced stretches with a gliding F0 (90-220 Hz, 20 harmonics) alternating
/// with noise and pauses, so that the pitch, jitter and silence paths all run.
/// x real time = audio seconds / mean.
/// </summary>
[MemoryDiagnoser]
public class Is10LldBenchmark
{
    private float[] _samples = [];

    [Params(10)]
    public int Seconds { get; set; }

    [Params(Is10Variant.Is10, Is10Variant.Is10Compat)]
    public Is10Variant Variant { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rnd = new Random(42);
        int n = Seconds * 16000;
        _samples = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++)
        {
            double t = i / 16000.0;
            int segment = (int)(t / 0.4) % 3; // voiced, noise, pause
            double v = 0;
            if (segment == 0)
            {
                double f0 = 155 + 65 * Math.Sin(2 * Math.PI * 0.7 * t);
                phase += 2 * Math.PI * f0 / 16000.0;
                for (int h = 1; h <= 20; h++) v += Math.Sin(h * phase) / h;
                v *= 0.2;
            }
            else if (segment == 1) v = 0.05 * (rnd.NextDouble() * 2 - 1);
            _samples[i] = (float)v;
        }
    }

    [Benchmark]
    public Is10Lld Compute() => Is10LldExtractor.Compute(_samples, Variant);
}
