namespace SerAdapt.Adaptation;

/// <summary>
/// Reported once per training step: the epoch (1-based), the step within it (1-based) and the
/// step's losses by name ("mse", "dis", "coral", "domain", ...). <see cref="Losses"/> is one
/// dictionary updated in place at every step (no allocation per step): read it during
/// <c>Report</c>, copy what you keep.
/// </summary>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, IReadOnlyDictionary<string, double> Losses);
