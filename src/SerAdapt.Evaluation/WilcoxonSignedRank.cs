namespace SerAdapt.Evaluation;

/// <summary>
/// Wilcoxon signed-rank test of paired samples, two-sided (Wilcoxon 1945), with scipy.stats.wilcoxon's
/// conventions: zero differences are dropped ("wilcox"), |d| ties get average ranks, the statistic
/// is min(W+, W-). The p-value is exact (the null distribution of W+ counted over all 2^n sign
/// patterns) when at most <see cref="ExactLimit"/> pairs remain and no |d| ties and no zeros occurred,
/// as scipy's method="auto"; otherwise it is the normal approximation with the tie correction of
/// the variance and, unless switched off, a continuity correction of 0.5 (scipy's default is off).
/// </summary>
public static class WilcoxonSignedRank
{
    public const int ExactLimit = 50;

    /// <summary>Tests x against y pair by pair (d = x - y), e.g. a method's per-seed CCC against Source-only's.</summary>
    public static WilcoxonResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool continuityCorrection = true)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"Paired samples differ in length: {x.Length} vs {y.Length}.");
        var d = new double[x.Length];
        for (int i = 0; i < d.Length; i++)
            d[i] = x[i] - y[i];
        return Test(d, continuityCorrection);
    }

    /// <summary>Tests whether the differences are symmetric about zero.</summary>
    public static WilcoxonResult Test(ReadOnlySpan<double> differences, bool continuityCorrection = true)
    {
        var nonZero = new List<double>(differences.Length);
        foreach (double v in differences)
        {
            if (double.IsNaN(v))
                throw new ArgumentException("A difference is NaN; the Wilcoxon test needs finite pairs.");
            if (v != 0)
                nonZero.Add(v);
        }
        bool hadZeros = nonZero.Count != differences.Length;
        int n = nonZero.Count;
        if (n == 0)
            throw new ArgumentException("All differences are zero: the Wilcoxon test is undefined.");

        var ranks = AverageRanks.Of(nonZero, Math.Abs, out double tieTerm); // tieTerm: sum over tie groups of t^3 - t

        double wPlus = 0, wMinus = 0;
        for (int i = 0; i < n; i++)
        {
            if (nonZero[i] > 0) wPlus += ranks[i];
            else wMinus += ranks[i];
        }
        double statistic = Math.Min(wPlus, wMinus);

        if (n <= ExactLimit && tieTerm == 0 && !hadZeros)
            return new WilcoxonResult(statistic, Math.Min(1.0, 2 * ExactLowerTail(n, (int)statistic)), n, true, double.NaN);

        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        double diff = statistic - mean;
        if (continuityCorrection)
            diff -= 0.5 * Math.Sign(diff);
        double z = variance > 0 ? diff / Math.Sqrt(variance) : 0;
        double p = Math.Min(1.0, 2 * NormalDistribution.UpperTail(Math.Abs(z)));
        return new WilcoxonResult(statistic, p, n, false, z);
    }

    /// <summary>P(W+ &lt;= w) under H0 for n untied non-zero differences: count sign patterns by rank sum.</summary>
    internal static double ExactLowerTail(int n, int w)
    {
        int maxSum = n * (n + 1) / 2;
        var counts = new double[maxSum + 1]; // counts up to 2^50 stay exact in double
        counts[0] = 1;
        for (int rank = 1; rank <= n; rank++)
            for (int s = rank * (rank + 1) / 2; s >= rank; s--)
                counts[s] += counts[s - rank];
        double below = 0;
        for (int s = 0; s <= Math.Min(w, maxSum); s++)
            below += counts[s];
        return below / Math.Pow(2, n);
    }
}
