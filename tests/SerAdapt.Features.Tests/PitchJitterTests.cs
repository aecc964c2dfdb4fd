namespace SerAdapt.Features.Tests;

public sealed class PitchJitterTests
{
    // A 100 Hz pulse train whose periods alternate 158/162 samples and whose pulses alternate
    // 1.0/0.8: every frame has jitter and shimmer once it is far enough into a voiced segment.
    private static float[] JitteredPulses(int length)
    {
        var x = new float[length];
        int pos = 3, k = 0;
        while (pos < length)
        {
            x[pos] = k % 2 == 0 ? 1f : 0.8f;
            if (pos + 1 < length) x[pos + 1] = -0.5f * x[pos];
            pos += k % 2 == 0 ? 158 : 162;
            k++;
        }
        return x;
    }

    [Fact]
    public void Compute_SegmentOnset_ShimmerThenJitterThenDdp()
    {
        var x = JitteredPulses(960 + 10 * 160);
        var jitter = new PitchJitter(16000, 0.2);
        jitter.Reset();
        var rows = new (float Jl, float Jd, float Sh)[6];
        for (int t = 0; t < rows.Length; t++) rows[t] = jitter.Compute(x.AsSpan(t * 160, 960), 100f);

        Assert.Equal((0f, 0f, 0f), rows[0]);
        Assert.True(rows[1].Sh > 0 && rows[1].Jl == 0 && rows[1].Jd == 0);
        Assert.True(rows[2].Sh > 0 && rows[2].Jl > 0 && rows[2].Jd == 0);
        Assert.True(rows[3].Sh > 0 && rows[3].Jl > 0 && rows[3].Jd > 0);
    }

    [Fact]
    public void Compute_UnvoicedFrame_RestartsTheOnset()
    {
        var x = JitteredPulses(960 + 10 * 160);
        var jitter = new PitchJitter(16000, 0.2);
        for (int t = 0; t < 4; t++) jitter.Compute(x.AsSpan(t * 160, 960), 100f);
        Assert.Equal((0f, 0f, 0f), jitter.Compute(x.AsSpan(4 * 160, 960), 0f));
        var first = jitter.Compute(x.AsSpan(5 * 160, 960), 100f);
        Assert.Equal(0f, first.JitterLocal);
        Assert.Equal(0f, first.ShimmerLocal);
    }
}
