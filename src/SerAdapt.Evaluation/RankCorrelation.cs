namespace SerAdapt.Evaluation;

/// <summary>Spearman's rank correlation: Pearson's r of the midranks (ties averaged), in [-1, 1]; NaN when either side is constant.</summary>
public static class RankCorrelation
{
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
            throw new ArgumentException($"Spearman's correlation needs pairs: {x.Count} x values, {y.Count} y values.");
        if (x.Any(double.IsNaN) || y.Any(double.IsNaN))
            throw new ArgumentException("Spearman's correlation needs finite values; a value is NaN.");
        if (x.Count < 2) return double.NaN;
        var rx = AverageRanks.Of(x, v => v, out _);
        var ry = AverageRanks.Of(y, v => v, out _);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
