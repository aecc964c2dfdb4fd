namespace SerAdapt.Adaptation;

/// <summary>
/// One epoch of a training's learning curve: the mean of each loss over the epoch's steps, the score of each
/// criterion computed after it (by criterion name), and the target CCC where it was measured (NaN otherwise;
/// it reads the target's labels, so it is for plots and regret, never for choosing).
/// </summary>
public sealed record EpochRecord(int Epoch, IReadOnlyDictionary<string, double> Losses, IReadOnlyDictionary<string, double> Scores, double TargetCcc);
