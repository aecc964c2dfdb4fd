namespace SerAdapt.Adaptation;

public sealed class Dann(DannOptions options) : IAdaptationMethod
{
    public string Name => "dann";

    public DannOptions Options { get; } = options;

    public FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
