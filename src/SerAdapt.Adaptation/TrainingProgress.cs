namespace SerAdapt.Adaptation;

/// <summary>
/// Reported once per training step: the epoch (1-based), the step within it (1-based) and the
/// step's losses by name ("mse", "dis", "coral", "domain", ...).
/// </summary>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, IReadOnlyDictionary<string, double> Losses);
