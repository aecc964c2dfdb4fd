namespace SerAdapt.Adaptation;

public sealed class Mrd(MrdOptions options) : IAdaptationMethod
{
    public string Name => "mrd";

    public MrdOptions Options { get; } = options;

    public FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
