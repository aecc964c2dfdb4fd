namespace SerAdapt.Adaptation;

public sealed class TrainOnTarget(SourceOnlyOptions options) : IAdaptationMethod
{
    public string Name => "train-on-target";

    public SourceOnlyOptions Options { get; } = options;

    public FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
