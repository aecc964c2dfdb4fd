using static SerAdapt.Features.Tests.FunctionalsReferenceData;

namespace SerAdapt.Features.Tests;

public sealed class PitchJitterTests
{
    // openSMILE's un-smoothed jitter level (dbg_is10_jitter.csv): row t belongs to F0final row t.
    private static float[][] ReadJitterLevel(string name) =>
        [.. File.ReadLines(Path.Combine(Dir(name), "dbg_is10_jitter.csv")).Skip(1)
            .Select(l => l.Split(';').Skip(1).Select(ParseFloat).ToArray())];

    private static float[][] Track(float[] x, float[] f0)
    {
        var jitter = new PitchJitter(16000, 0.2);
        jitter.Reset();
        var rows = new float[f0.Length][];
        for (int t = 0; t < f0.Length; t++)
        {
            var (jl, jd, sh) = jitter.Compute(x, (t + 1) * 160, f0[t]);
            rows[t] = [jl, jd, sh];
        }
        return rows;
    }

    private static bool Close(float[] a, float[] b) =>
        a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= Math.Max(1e-4 * Math.Abs(p.Second), 1e-6));

    private static (float[][] Actual, float[][] Expected) RunFixture(string name)
    {
        var x = LldReferenceFiles.ReadPcm16(PathOf(name, ".wav"));
        var f0 = ReadPitchF(Path.Combine(Dir(name), "dbg_is10_pitchF.csv"));
        return (Track(x, f0), ReadJitterLevel(name));
    }

    [Fact]
    public void Compute_Sawtooth_ReproducesOpenSmilesJitterLevel()
    {
        var (actual, expected) = RunFixture("syn_saw_150Hz_2s");
        Assert.Equal(expected.Length, actual.Length);
        var bad = Enumerable.Range(0, actual.Length).Where(t => !Close(actual[t], expected[t])).ToList();
        // openSMILE keeps the segment's first step and drops its third (row 3 repeats row 2); we drop
        // the first (the better rule on speech), so rows 1-5 differ. From row 6 on, the steady state
        // alternating one and two periods per row agrees within 1e-4.
        Assert.Equal([1, 2, 3, 4, 5], bad);
    }

    [Fact]
    public void Compute_Speech_AgreesOnceOpenSmilesDroppedStepsArePast()
    {
        var (actual, expected) = RunFixture("psx_librivox_0880");
        // Segment 182-193: openSMILE drops the steps of rows 184 and 186 (we drop row 182's); from
        // row 189 on, with the same two last periods, every row agrees.
        foreach (int t in new[] { 189, 190, 191, 192, 193 })
            Assert.True(Close(actual[t], expected[t]), $"row {t}: {string.Join(' ', actual[t])} vs {string.Join(' ', expected[t])}");
    }

    // A periodic pulse train: period 150 samples, pulses alternating 1.0 / 0.5 in height.
    private static float[] Pulses(int length, int period, Func<int, float> height)
    {
        var x = new float[length];
        for (int k = 0, pos = 20; pos < length; k++, pos += period) x[pos] = height(k);
        return x;
    }

    [Fact]
    public void Compute_SegmentOnset_FirstStepDroppedThenShimmerOnly()
    {
        var x = Pulses(16000, 150, k => k % 2 == 0 ? 1f : 0.5f);
        var jitter = new PitchJitter(16000, 0.2);
        jitter.Reset();
        var rows = new (float Jl, float Jd, float Sh)[8];
        for (int t = 0; t < rows.Length; t++) rows[t] = jitter.Compute(x, (t + 1) * 160, 16000f / 150);

        Assert.Equal((0f, 0f, 0f), rows[0]);
        // Peak-to-peak 1.0 and 0.5 in the two windows: |1 - 0.5| / 0.75; no earlier period yet.
        Assert.Equal(2f / 3, rows[1].Sh, 5);
        Assert.Equal(0f, rows[1].Jl);
        // A strictly periodic signal: equal period estimates, so no jitter once it is defined.
        Assert.All(rows, r => Assert.True(r.Jl < 1e-6 && r.Jd < 1e-6));
    }

    [Fact]
    public void Compute_AmplitudeRatioAboveThree_CapsShimmerAtOne()
    {
        var x = Pulses(16000, 150, k => k % 2 == 0 ? 1f : 0.2f);
        var jitter = new PitchJitter(16000, 0.2);
        jitter.Reset();
        jitter.Compute(x, 160, 16000f / 150);
        Assert.Equal(1f, jitter.Compute(x, 320, 16000f / 150).ShimmerLocal);
    }

    [Fact]
    public void Compute_UnvoicedRow_RestartsTheTracker()
    {
        var x = Pulses(16000, 150, k => k % 2 == 0 ? 1f : 0.5f);
        var jitter = new PitchJitter(16000, 0.2);
        jitter.Reset();
        for (int t = 0; t < 4; t++) jitter.Compute(x, (t + 1) * 160, 16000f / 150);
        Assert.Equal((0f, 0f, 0f), jitter.Compute(x, 5 * 160, 0f));
        Assert.Equal((0f, 0f, 0f), jitter.Compute(x, 6 * 160, 16000f / 150));
        var first = jitter.Compute(x, 7 * 160, 16000f / 150);
        Assert.Equal(0f, first.JitterLocal);
        Assert.True(first.ShimmerLocal > 0);
    }
}
