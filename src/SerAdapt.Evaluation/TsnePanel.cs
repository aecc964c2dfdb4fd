using SerAdapt.Engine;

namespace SerAdapt.Evaluation;

/// <summary>
/// One scatter panel of a t-SNE figure: 2-D points (n, 2), each point's group (an index into the
/// figure's group names, e.g. 0 = low, 1 = high valence) and whether it is a source point (drawn
/// as a faint open circle) or a target point (a filled dot).
/// </summary>
public sealed record TsnePanel(string Title, Matrix Points, int[] Group, bool[] IsSource);
