namespace SerAdapt.Experiments;

/// <summary>
/// The runs of one method in one direction: mean and sample standard deviation (n - 1; NaN for a
/// single run) of PR, CCC and RMSE, and the Wilcoxon signed-rank test against Source-only over
/// the repeats both have (null for Source-only itself, or when fewer than one pair differs).
/// </summary>
public sealed record MethodSummary(
    string Method,
    string Direction,
    int Runs,
    Statistic Pearson,
    Statistic Ccc,
    Statistic Rmse,
    double MeanEpochs,
    double TotalSeconds,
    bool UsedOracle,
    PairedTest? VersusSourceOnly);

/// <summary>Mean and sample standard deviation.</summary>
public readonly record struct Statistic(double Mean, double Std)
{
    public static Statistic Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new Statistic(double.NaN, double.NaN);
        double mean = values.Average();
        double std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : double.NaN;
        return new Statistic(mean, std);
    }
}

/// <summary>
/// A method against Source-only over <paramref name="Pairs"/> paired repeats: mean CCC difference,
/// two-sided Wilcoxon p-values for CCC and PR (NaN when every difference is zero), and whether they are exact.
/// </summary>
public sealed record PairedTest(int Pairs, double MeanCccDifference, double CccStatistic, double CccP, double PearsonP, bool Exact);
