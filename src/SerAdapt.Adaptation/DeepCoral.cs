namespace SerAdapt.Adaptation;

public sealed class DeepCoral(CoralOptions options) : IAdaptationMethod
{
    public string Name => "coral";

    public CoralOptions Options { get; } = options;

    public FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
