namespace SerAdapt.Engine.Tests;

public class LossTests
{
    [Fact]
    public void Mse_NaNInput_FailsNamingLossInputAndIndex()
    {
        var a = new Matrix(3, 1);
        var b = new Matrix(3, 1);
        b[2, 0] = float.NaN;
        var e = Assert.Throws<NonFiniteLossException>(() => new MseLoss().Forward(a, b));
        Assert.Equal("MSE", e.LossName);
        Assert.Equal((2, 0), (e.Row, e.Col));
        Assert.Contains("MSE", e.Message);
        Assert.Contains("'b'", e.Message);
        Assert.Contains("NaN", e.Message);
        Assert.Contains("(2, 0)", e.Message);
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(float.NaN)]
    public void EveryLoss_NonFiniteInput_Fails(float bad)
    {
        foreach (Loss loss in new Loss[] { new MseLoss(), new L1DiscrepancyLoss(), new BceWithLogitsLoss(), new CoralLoss() })
        {
            var a = new Matrix(4, 2);
            a[1, 1] = bad;
            var e = Assert.Throws<NonFiniteLossException>(() => loss.Forward(a, new Matrix(4, 2)));
            Assert.Contains(loss.Name, e.Message);
            Assert.Contains("'a'", e.Message);
            Assert.Contains("(1, 1)", e.Message);
        }
    }

    [Fact]
    public void Losses_ShapeMismatch_FailsNamingBothShapes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => new MseLoss().Forward(new Matrix(4, 1), new Matrix(5, 1)));
        Assert.Contains("(4, 1)", e.Message);
        Assert.Contains("(5, 1)", e.Message);
        var c = Assert.Throws<ShapeMismatchException>(() => new CoralLoss().Forward(new Matrix(4, 3), new Matrix(5, 2)));
        Assert.Contains("(4, 3)", c.Message);
        Assert.Contains("(5, 2)", c.Message);
    }

    [Fact]
    public void Coral_DifferentBatchSizes_AreAllowed_AndEqualCovariancesGiveZero()
    {
        var rng = new Rng(1);
        var source = TestData.Normal(rng, 6, 3);
        var target = new Matrix(12, 3);
        for (int r = 0; r < 6; r++)
        {
            source.Row(r).CopyTo(target.Row(r));
            source.Row(r).CopyTo(target.Row(r + 6));
        }
        // target = source twice: same mean; covariance differs only by the (n-1) factors.
        float loss = new CoralLoss().Forward(source, source);
        Assert.Equal(0f, loss);
        Assert.True(new CoralLoss().Forward(source, target) > 0f);
    }

    [Fact]
    public void BceWithLogits_HugeLogits_StayFinite()
    {
        var loss = new BceWithLogitsLoss();
        float v = loss.Forward(new Matrix([1000f, -1000f], 0, 2, 1), new Matrix([0f, 1f], 0, 2, 1));
        Assert.Equal(1000f, v, 3);
        loss.Backward();
        Assert.Equal([0.5f, -0.5f], loss.GradA.Span.ToArray());
    }

    [Fact]
    public void Backward_Scale_MultipliesBothGradients()
    {
        var rng = new Rng(2);
        var a = TestData.Uniform(rng, 5, 1);
        var b = TestData.Uniform(rng, 5, 1);
        var loss = new MseLoss();
        loss.Forward(a, b);
        loss.Backward();
        var ga = loss.GradA.Span.ToArray();
        loss.Backward(-2f);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(-2f * ga[i], loss.GradA.Span[i], 6);
            Assert.Equal(2f * ga[i], loss.GradB.Span[i], 6);
        }
    }
}
