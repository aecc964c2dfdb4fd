using SerAdapt.Features.Egemaps;

namespace SerAdapt.Features.Tests.Egemaps;

public class PeakSlopesTests
{
    [Fact]
    public void NoExtremum_RisingInput_GivesOneSlopeOverTheFrameCount()
    {
        float[] x = [0, 1, 2, 3, 4, 5];
        var (riseMean, riseStd, fallMean, fallStd, peaks) = PeakSlopes.Compute(x, 0.01);
        Assert.Equal(5f / 6, riseMean, 6);   // (x[n-1] - x[0]) / n, not per second (E14)
        Assert.Equal(0, riseStd);
        Assert.Equal(0, fallMean);
        Assert.Equal(0, fallStd);
        Assert.Equal(0, peaks);
    }

    [Fact]
    public void OnePeak_RiseFromInputStart_TailFallIsNegative()
    {
        float[] x = [0, 0, 1, 4, 1, 0, 0, 0];
        var (riseMean, _, fallMean, _, peaks) = PeakSlopes.Compute(x, 0.01);
        Assert.Equal(1, peaks);
        Assert.Equal(4 / (3 * 0.01f), riseMean, 3);          // from x[0] at position 0
        Assert.Equal((0 - 4) / (4 * 0.01f), fallMean, 3);    // tail: x[n-1] - max
    }

    [Fact]
    public void Empty_GivesZeros() => Assert.Equal((0f, 0f, 0f, 0f, 0), PeakSlopes.Compute([], 0.01));
}
