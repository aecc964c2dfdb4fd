namespace SerAdapt.Evaluation.Tests;

public class RankCorrelationTests
{
    [Fact]
    public void Spearman_MonotoneAndReversed_IsPlusAndMinusOne()
    {
        Assert.Equal(1, RankCorrelation.Spearman([1, 2, 3, 10], [0.1, 0.2, 0.25, 0.3]), 12);
        Assert.Equal(-1, RankCorrelation.Spearman([1, 2, 3], [3, 2, 1]), 12);
    }

    [Fact]
    public void Spearman_Ties_TakeTheirMeanRank()
    {
        // x ranks (1.5, 1.5, 3), y ranks (1, 2, 3): r = 1.5 / sqrt(1.5 * 2) = sqrt(3) / 2.
        Assert.Equal(Math.Sqrt(3) / 2, RankCorrelation.Spearman([5, 5, 7], [1, 2, 3]), 12);
    }

    [Fact]
    public void Spearman_ConstantSide_IsNaN()
    {
        Assert.True(double.IsNaN(RankCorrelation.Spearman([1, 1, 1], [1, 2, 3])));
    }
}
