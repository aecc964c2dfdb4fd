namespace SerAdapt.Adaptation;

/// <summary>
/// One training step of a method on <paramref name="batch"/>, at training progress
/// <paramref name="progress"/> in [0, 1); returns its named losses in a dictionary reused from step
/// to step (no allocation per step).
/// </summary>
public delegate Dictionary<string, double> BatchStep(Batch batch, double progress);
