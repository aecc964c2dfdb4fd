namespace SerAdapt.Features;

/// <summary>One instance of a feature file: its name, its values and an optional class label
/// (written as "?" when null, as openSMILE does without -class).</summary>
public sealed record FeatureRow(string Name, float[] Values, string? Class = null);
