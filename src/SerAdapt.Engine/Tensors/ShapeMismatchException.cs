namespace SerAdapt.Engine;

/// <summary>Two tensors whose shapes do not fit together; the message names both shapes.</summary>
public sealed class ShapeMismatchException(string message) : ArgumentException(message);
