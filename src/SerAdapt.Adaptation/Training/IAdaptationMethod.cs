namespace SerAdapt.Adaptation;

/// <summary>A way to train a valence regressor from a labelled source and a (usually unlabelled) target.</summary>
public interface IAdaptationMethod
{
    /// <summary>"source-only", "train-on-target", "dann", "coral" or "mrd".</summary>
    string Name { get; }

    /// <summary>
    /// Trains on the two domains. target.Labels are NOT used except by train-on-target and by
    /// <see cref="ModelSelection.Oracle"/>.
    /// </summary>
    FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);
}
