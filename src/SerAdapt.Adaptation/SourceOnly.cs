namespace SerAdapt.Adaptation;

public sealed class SourceOnly(SourceOnlyOptions options) : IAdaptationMethod
{
    public string Name => "source-only";

    public SourceOnlyOptions Options { get; } = options;

    public FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
