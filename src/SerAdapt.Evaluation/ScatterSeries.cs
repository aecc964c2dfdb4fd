namespace SerAdapt.Evaluation;

/// <summary>Points (x, y) of one named group in a scatter panel.</summary>
public sealed record ScatterSeries(string Name, double[] X, double[] Y);
