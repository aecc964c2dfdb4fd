namespace SerAdapt.Data;

/// <summary>Source and target corpora whose features differ in number or names.</summary>
public sealed class FeatureMismatchException(string message) : Exception(message);
