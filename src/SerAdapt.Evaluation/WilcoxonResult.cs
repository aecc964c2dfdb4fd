namespace SerAdapt.Evaluation;

/// <summary>
/// Outcome of a two-sided Wilcoxon signed-rank test. <see cref="Statistic"/> is min(W+, W-) as in
/// scipy.stats.wilcoxon; <see cref="N"/> counts the pairs used (zero differences dropped);
/// <see cref="Exact"/> says whether the p-value comes from the exact null distribution or from the
/// normal approximation (<see cref="Z"/> is NaN for the exact test).
/// </summary>
public sealed record WilcoxonResult(double Statistic, double PValue, int N, bool Exact, double Z);
