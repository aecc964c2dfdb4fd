namespace SerAdapt.Evaluation;

/// <summary>One criterion's panel of a <see cref="SelectionScatterFigure"/>: every model, and per series the chosen ones.</summary>
public sealed record SelectionScatterPanel(string Title, string XLabel, IReadOnlyList<ScatterSeries> Series, IReadOnlyList<ScatterSeries> Chosen);
