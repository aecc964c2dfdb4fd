namespace SerAdapt.Evaluation.Tests;

public class WilcoxonSignedRankTests
{
    [Fact]
    public void Exact_HandCountedExample()
    {
        // |d| ranks: 0.3->1, 0.4->2, 0.7->3, 1.2->4, 1.5->5, 2.1->6, 2.8->7, 3.3->8; W- = 1 + 4 = 5.
        // Subsets of {1..8} with sum <= 5: {}, {1}, {2}, {3}, {1,2}, {4}, {1,3}, {5}, {1,4}, {2,3} = 10.
        // p = 2 * 10 / 256.
        var r = WilcoxonSignedRank.Test([1.5, -0.3, 2.1, 0.7, -1.2, 3.3, 0.4, 2.8]);
        Assert.True(r.Exact);
        Assert.Equal(8, r.N);
        Assert.Equal(5, r.Statistic);
        Assert.Equal(20.0 / 256, r.PValue, 14);
    }

    [Fact]
    public void Exact_DarwinsData_MatchesScipyDocumentation()
    {
        // scipy.stats.wilcoxon docs: Darwin's height differences give statistic 24, p = 0.041259765625.
        var r = WilcoxonSignedRank.Test([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]);
        Assert.True(r.Exact);
        Assert.Equal(24, r.Statistic);
        Assert.Equal(0.041259765625, r.PValue, 14);
    }

    [Fact]
    public void Exact_MatchesBruteForceEnumeration_ForRandomSamples()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 1 + random.Next(12);
            // Distinct magnitudes, random signs: no ties, no zeros.
            var d = Enumerable.Range(1, n).Select(k => (random.Next(2) == 0 ? -1 : 1) * (k + random.NextDouble() * 0.5)).ToArray();
            var r = WilcoxonSignedRank.Test(d);
            int wPlus = Enumerable.Range(0, n).Where(i => d[i] > 0).Sum(i => i + 1);
            int statistic = Math.Min(wPlus, n * (n + 1) / 2 - wPlus);
            int atMost = 0;
            for (int mask = 0; mask < 1 << n; mask++)
            {
                int sum = 0;
                for (int b = 0; b < n; b++)
                    if ((mask >> b & 1) != 0) sum += b + 1;
                if (sum <= statistic) atMost++;
            }
            Assert.Equal(statistic, r.Statistic);
            Assert.Equal(Math.Min(1.0, 2.0 * atMost / (1 << n)), r.PValue, 14);
        }
    }

    [Fact]
    public void Approximation_WithTiesAndZero_MatchesHandComputation()
    {
        // The zero is dropped: n = 11. |d| = 1,1 -> rank 1.5; 2,2 -> 3.5; 3,3,3 -> 6; 4,5,6,7 -> 8..11.
        // W- = 3.5 (-2) + 6 (-3) + 1.5 (-1) = 11, W+ = 55. Ties: (2^3-2) + (2^3-2) + (3^3-3) = 36.
        // mean = 11*12/4 = 33; var = 11*12*23/24 - 36/48 = 125.75; z = (11 - 33 + 0.5) / sqrt(125.75).
        double[] d = [1, -2, 2, 3, -3, 3, 4, 5, 0, 6, 7, -1];
        var r = WilcoxonSignedRank.Test(d);
        double z = -21.5 / Math.Sqrt(125.75);
        Assert.False(r.Exact);
        Assert.Equal(11, r.N);
        Assert.Equal(11, r.Statistic);
        Assert.Equal(z, r.Z, 12);
        Assert.Equal(0.055202974168669976, r.PValue, 12); // 2 * Phi(-|z|), from Python's math.erfc

        var plain = WilcoxonSignedRank.Test(d, continuityCorrection: false);
        Assert.Equal(-22 / Math.Sqrt(125.75), plain.Z, 12);
        Assert.Equal(0.049778432682216184, plain.PValue, 12);
    }

    [Fact]
    public void Test_PairedSamples_UsesDifferences()
    {
        double[] x = [0.30, 0.25, 0.28, 0.31, 0.27];
        double[] y = [0.20, 0.21, 0.22, 0.19, 0.29];
        var paired = WilcoxonSignedRank.Test(x, y);
        var direct = WilcoxonSignedRank.Test(x.Zip(y, (a, b) => a - b).ToArray());
        Assert.Equal(direct, paired);
    }

    [Fact]
    public void Test_AllZeroDifferences_Throws() =>
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRank.Test([0.0, 0.0]));

    [Fact]
    public void NormalUpperTail_MatchesPythonErfc()
    {
        (double Z, double Tail)[] cases =
        [
            (0.1, 0.460172162722971), (1, 0.15865525393145707), (1.96, 0.024997895148220435),
            (2.5, 0.006209665325776139), (3, 0.0013498980316300957), (5, 2.866515718791946e-07), (8, 6.220960574271819e-16),
        ];
        foreach (var (z, tail) in cases)
            Assert.Equal(tail, NormalDistribution.UpperTail(z), tail * 1e-10);
        Assert.Equal(0.5, NormalDistribution.Cdf(0), 15);
    }
}
