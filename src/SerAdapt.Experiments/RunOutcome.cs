namespace SerAdapt.Experiments;

/// <summary>What a trainer reports for one run: target scores, epochs trained and whether target labels chose the model.</summary>
public sealed record RunOutcome(double Pearson, double Ccc, double Rmse, int Epochs, bool UsedOracle);
