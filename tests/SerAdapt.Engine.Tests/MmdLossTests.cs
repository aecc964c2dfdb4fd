namespace SerAdapt.Engine.Tests;

public class MmdLossTests
{
    [Fact]
    public void Backward_MatchesFiniteDifferences_WithBandwidthHeldConstant()
    {
        var rng = new Rng(11);
        var a = TestData.Normal(rng, 5, 3);
        var b = TestData.Normal(rng, 4, 3, 2f);
        var loss = new MmdLoss();
        loss.Forward(a, b);
        loss.FixedBandwidth = loss.LastBandwidth;
        Assert.Equal(5 * 3 + 4 * 3, GradientChecker.CheckLoss(loss, a, b, scale: 2f));
    }

    [Fact]
    public void Forward_SameSample_IsZero_AndShiftedSampleIsPositive()
    {
        var rng = new Rng(4);
        var a = TestData.Normal(rng, 6, 4);
        Assert.Equal(0f, new MmdLoss().Forward(a, a), 6);
        Assert.True(new MmdLoss().Forward(a, TestData.Normal(rng, 8, 4, 3f)) > 0.05f);
    }

    [Fact]
    public void Forward_OneKernel_MatchesDirectSum()
    {
        // a = {0, 1}, b = {3} in one dimension; beta = mean squared distance over distinct pairs = (1 + 9 + 4) * 2 / 6.
        var a = new Matrix(2, 1);
        a[1, 0] = 1f;
        var b = new Matrix(1, 1);
        b[0, 0] = 3f;
        double beta = 28.0 / 6;
        double K(double d2) => Math.Exp(-d2 / (2 * beta));
        double expected = (2 * K(0) + 2 * K(1)) / 4 + K(0) - 2 * (K(9) + K(4)) / 2;
        Assert.Equal(expected, new MmdLoss(kernels: 1).Forward(a, b), 5);
    }
}
