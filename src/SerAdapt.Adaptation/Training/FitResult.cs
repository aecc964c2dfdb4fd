namespace SerAdapt.Adaptation;

/// <summary>
/// A trained model and its predictions for every target row: for train-on-target the pooled
/// held-out leave-one-group-out predictions, for the others the final model on the target.
/// </summary>
public sealed record FitResult(ValenceModel Model, float[] TargetPredictions, int EpochsTrained, bool UsedOracle);
