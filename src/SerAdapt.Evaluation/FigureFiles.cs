namespace SerAdapt.Evaluation;

/// <summary>Where a figure was written: the same picture as PNG (for reading) and SVG (for papers).</summary>
public sealed record FigureFiles(string Png, string Svg);
