namespace SerAdapt.Evaluation.Tests;

public class RegressionMetricsTests
{
    [Fact]
    public void Ccc_PerfectAgreement_IsOne() =>
        Assert.Equal(1.0, RegressionMetrics.Ccc([1f, 2f, 3f, 4f], [1f, 2f, 3f, 4f]), 12);

    [Fact]
    public void Ccc_HandComputedExample()
    {
        // x = 1,2,3; y = 2,4,6: mu 2 vs 4, var_x = 2/3, var_y = 8/3, cov = 4/3.
        // CCC = 2 * 4/3 / (2/3 + 8/3 + 4) = (8/3) / (22/3) = 8/22.
        Assert.Equal(8.0 / 22.0, RegressionMetrics.Ccc([1f, 2f, 3f], [2f, 4f, 6f]), 12);
    }

    [Fact]
    public void Pearson_ShiftAndScale_IsOne() =>
        Assert.Equal(1.0, RegressionMetrics.Pearson([1f, 2f, 3f], [2f, 4f, 6f]), 12);

    [Fact]
    public void Pearson_HandComputedExample()
    {
        // x = 1,2,3,4; y = 1,3,2,4: sxy = 4, sxx = syy = 5 -> r = 0.8.
        Assert.Equal(0.8, RegressionMetrics.Pearson([1f, 2f, 3f, 4f], [1f, 3f, 2f, 4f]), 12);
    }

    [Fact]
    public void RmseAndMae_HandComputedExample()
    {
        Assert.Equal(Math.Sqrt((1 + 4) / 2.0), RegressionMetrics.Rmse([1f, 2f], [2f, 4f]), 12);
        Assert.Equal(1.5, RegressionMetrics.Mae([1f, 2f], [2f, 4f]), 12);
    }

    [Fact]
    public void Ccc_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Ccc([1f, 2f], [1f]));
}
