namespace SerAdapt.Adaptation;

/// <summary>
/// Reported once per training step: the epoch (1-based), the step within it (1-based) and the
/// step's losses by name ("mse", "dis", "coral", "domain", ...). <see cref="Losses"/> is one
/// dictionary updated in place at every step (no allocation per step): read it during
/// <c>Report</c>, copy what you keep. A cross-validated training reports its folds as one long run
/// (<see cref="Epoch"/> of <see cref="Epochs"/> over all of them) and says which fold in <see cref="Fold"/>.
/// </summary>
public readonly record struct TrainingProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, IReadOnlyDictionary<string, double> Losses,
    FoldProgress? Fold = null)
{
    /// <summary>"epoch 2/5", or "fold 3/7, epoch 2/5" in a cross-validation.</summary>
    public string Position => Fold?.ToString() ?? $"epoch {Epoch}/{Epochs}";
}
