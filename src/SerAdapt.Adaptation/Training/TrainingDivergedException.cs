namespace SerAdapt.Adaptation;

/// <summary>
/// A loss became NaN or infinite: training stopped at <see cref="Epoch"/>, <see cref="Step"/>
/// (both 1-based). <see cref="BestModel"/> holds the weights of the epoch the model selection
/// preferred so far (<see cref="BestEpoch"/>), or null when no epoch was completed.
/// </summary>
public sealed class TrainingDivergedException : ArithmeticException
{
    public TrainingDivergedException(string method, int epoch, int step, string detail, ValenceModel? bestModel, int bestEpoch, Exception? inner = null)
        : base($"{method} training diverged at epoch {epoch}, step {step}: {detail}. "
            + (bestModel is null ? "No epoch completed, so no model was kept." : $"The model of epoch {bestEpoch} is kept.")
            + " Try a lower --lr.", inner)
    {
        Method = method;
        Detail = detail;
        Epoch = epoch;
        Step = step;
        BestModel = bestModel;
        BestEpoch = bestEpoch;
    }

    public string Method { get; }

    /// <summary>What went wrong, e.g. "the mse loss is NaN".</summary>
    public string Detail { get; }
    public int Epoch { get; }
    public int Step { get; }
    public ValenceModel? BestModel { get; }
    public int BestEpoch { get; }
}
