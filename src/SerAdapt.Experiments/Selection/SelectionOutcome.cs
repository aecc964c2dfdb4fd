namespace SerAdapt.Experiments;

/// <summary>
/// What choosing by <see cref="Criterion"/> gave for a method and direction, over the repeats: the target CCC
/// of the choice, the oracle's best, the regret (mean +- std), and Spearman's rank correlation between the
/// criterion (negated for risks, so that positive means "ranks like the target CCC") and the target CCC over
/// every point, epoch and repeat (NaN for the oracle itself).
/// </summary>
public sealed record SelectionOutcome(
    string Method,
    string Direction,
    string Criterion,
    bool UsesTargetLabels,
    Statistic ChosenCcc,
    Statistic OracleCcc,
    Statistic Regret,
    double Spearman,
    IReadOnlyList<SelectionChoice> Choices);
