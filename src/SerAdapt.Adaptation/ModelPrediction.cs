namespace SerAdapt.Adaptation;

/// <summary>The prediction per row and each head's output (f1, f2 for MRD; one head otherwise).</summary>
public sealed record ModelPrediction(float[] Prediction, float[][] Heads);
