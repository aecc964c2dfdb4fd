namespace SerAdapt.Adaptation;

/// <summary>
/// Training was cancelled (e.g. Ctrl-C) at <see cref="Epoch"/>, <see cref="Step"/> (both 1-based).
/// <see cref="BestModel"/> holds the weights of the epoch the model selection preferred so far
/// (<see cref="BestEpoch"/>), ready to save, or null when no epoch was completed or the method has
/// no single model to keep (Train-on-Target's cross-validation).
/// </summary>
public sealed class TrainingInterruptedException(string method, int epoch, int step, ValenceModel? bestModel, int bestEpoch)
    : OperationCanceledException($"{method} training was interrupted at epoch {epoch}, step {step}. "
        + (bestModel is null ? "No model was kept." : $"The model of epoch {bestEpoch} is kept."))
{
    public string Method { get; } = method;
    public int Epoch { get; } = epoch;
    public int Step { get; } = step;
    public ValenceModel? BestModel { get; } = bestModel;
    public int BestEpoch { get; } = bestEpoch;
}
