namespace SerAdapt.Features.Tests;

public sealed class PitchSmootherTests
{
    private static float[] Smooth(float[] f0, float[] voicing)
    {
        int n = f0.Length - 1;
        var final = new float[n];
        PitchSmoother.Apply(f0, voicing, 0.7f, final, new float[n], new float[n]);
        return final;
    }

    [Fact]
    public void Apply_FrameZeroAndIsolatedVoicedFrame_AreUnvoiced()
    {
        float[] f0 = [100, 100, 0, 120, 0, 130, 131, 0];
        float[] v = [0.9f, 0.9f, 0, 0.9f, 0, 0.9f, 0.9f, 0];
        var final = Smooth(f0, v);
        Assert.Equal([0f, 100f, 0f, 0f, 0f, 130f, 131f], final);
    }

    [Fact]
    public void Apply_JumpAwayFromBothNeighbours_TakesTheNextFramesF0()
    {
        // tidigits frames 242-246: 318 Hz between 567 and 618 Hz, then 618 between 318 and 462 Hz
        // (judged on the raw neighbours), as openSMILE's smoother does.
        float[] f0 = [0, 567.26f, 318.35f, 618.2f, 461.55f, 459.58f, 0];
        float[] v = [0, 0.72f, 0.71f, 0.72f, 0.74f, 0.54f, 0];
        var final = Smooth(f0, v);
        Assert.Equal([0f, 567.26f, 618.2f, 461.55f, 461.55f, 0f], final);
    }

    [Fact]
    public void Apply_JumpBetweenNeighboursAnOctaveApart_IsKept()
    {
        // asterisk frames 870-873: 176 Hz between 124 and 584 Hz stays.
        float[] f0 = [0, 124.11f, 176.08f, 584.49f, 319.1f, 0];
        float[] v = [0, 0.72f, 0.72f, 0.75f, 0.69f, 0];
        var final = Smooth(f0, v);
        Assert.Equal([0f, 124.11f, 176.08f, 584.49f, 0f], final);
    }
}
