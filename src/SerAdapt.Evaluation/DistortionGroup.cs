namespace SerAdapt.Evaluation;

/// <summary>
/// The numbers behind one colour of a t-SNE panel (one valence group of the target):
/// how far its encoded points lie from the source (mean Euclidean distance to their k nearest
/// encoded source points), how much the two MRD heads disagree on it (mean |f1 - f2|, NaN for a
/// single-head model), and how wrong the prediction is (mean absolute error).
/// </summary>
public sealed record DistortionGroup(string Group, int Count, double MeanSourceDistance, double MeanDiscrepancy, double MeanAbsoluteError);
