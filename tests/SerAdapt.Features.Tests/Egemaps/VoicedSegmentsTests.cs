using SerAdapt.Features.Egemaps;

namespace SerAdapt.Features.Tests.Egemaps;

public class VoicedSegmentsTests
{
    [Fact]
    public void AllZero_194Frames_IsOneUnvoicedSegmentOf193Frames()
    {
        var x = new float[194];
        var (perSecond, mean, stddev) = VoicedSegments.Compute(x, voiced: false, 0.01);
        Assert.Equal(1 / 1.94f, perSecond, 5);
        Assert.Equal(1.93f, mean, 5); // one frame less than the span (E19)
        Assert.Equal(0, stddev);
    }

    [Fact]
    public void SingleGap_IsBridged_TwoFrameGap_Splits()
    {
        float[] x = [1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1];
        var (perSecond, mean, _) = VoicedSegments.Compute(x, voiced: true, 0.01);
        Assert.Equal(2 / 0.12f, perSecond, 3);
        Assert.Equal((5 + 3) / 2f * 0.01f, mean, 6);
    }

    [Fact]
    public void TwoInFrames_AreNoSegment() =>
        Assert.Equal((0f, 0f, 0f), VoicedSegments.Compute([0, 1, 1, 0, 0, 0], voiced: true, 0.01));
}
