namespace SerAdapt.Evaluation;

/// <summary>One panel of a <see cref="LearningCurveFigure"/>: named series, each with one value per epoch (NaN: not drawn).</summary>
public sealed record CurvePanel(string Title, string ValueLabel, IReadOnlyList<KeyValuePair<string, double[]>> Series);
