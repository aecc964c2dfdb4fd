namespace SerAdapt.Features.Tests;

/// <summary>Behaviour of <see cref="PitchJitter"/> on synthetic pulse trains; openSMILE's own decisions are pinned by <see cref="JitterRuleTests"/>.</summary>
public sealed class PitchJitterTests
{
    // A periodic pulse train of the given period; pulse k has height(k). The first pulse at 95 keeps
    // pulses away from the candidate boundaries (the chain starts at 320), whose samples the amplitudes skip.
    private static float[] Pulses(int length, int period, Func<int, float> height)
    {
        var x = new float[length];
        for (int k = 0, pos = 95; pos < length; k++, pos += period) x[pos] = height(k);
        return x;
    }

    // useBrokenJitterThresh = 0 (minCC 0.5): every clear period is used, so the outputs are predictable.
    private static (float Jl, float Jd, float Sh)[] Track(float[] x, params float[] f0)
    {
        var jitter = new PitchJitter(16000, 0.2, minCC: 0.5f);
        jitter.Reset();
        return [.. f0.Select((f, t) => jitter.Compute(x, (t + 1) * 160, f))];
    }

    [Fact]
    public void Compute_AlternatingPulseHeights_ShimmerIsTheirRelativeDifferenceAndJitterZero()
    {
        var rows = Track(Pulses(16000, 150, k => k % 2 == 0 ? 1f : 0.5f), [0, .. Enumerable.Repeat(16000f / 150, 9)]);
        Assert.Equal((0f, 0f, 0f), rows[0]);
        // Peak-to-peak 1.0 and 0.5 in the two windows: |1 - 0.5| / 0.75.
        Assert.All(rows[1..], r => Assert.Equal(2f / 3, r.Sh, 5));
        Assert.All(rows, r => Assert.True(r.Jl < 1e-6 && r.Jd < 1e-6));
    }

    [Fact]
    public void Compute_AmplitudeRatioAboveThree_CapsShimmerAtOne()
    {
        var rows = Track(Pulses(16000, 150, k => k % 2 == 0 ? 1f : 0.2f), 0, 16000f / 150);
        Assert.Equal(1f, rows[1].Sh);
    }

    [Fact]
    public void Compute_UnvoicedRow_OutputsZeroAndForgetsThePeriod()
    {
        var x = Pulses(16000, 150, k => k % 2 == 0 ? 1f : 0.5f);
        float f = 16000f / 150;
        var rows = Track(x, 0, f, f, f, f, 0, f);
        Assert.Equal((0f, 0f, 0f), rows[5]);
        // The first period after the gap has no predecessor: no jitter term, but a shimmer.
        Assert.Equal(0f, rows[6].Jl);
        Assert.True(rows[6].Sh > 0);
    }

    [Fact]
    public void Compute_FirstRow_ChainStartsAtTheFrameStart()
    {
        var jitter = new PitchJitter(16000, 0.2);
        jitter.Reset();
        jitter.Compute(new float[4000], 160, 0);
        Assert.Equal((160L, 0, 160), jitter.LastRead);
        Assert.Equal(320L, jitter.FirstSampleNeeded);
    }
}
