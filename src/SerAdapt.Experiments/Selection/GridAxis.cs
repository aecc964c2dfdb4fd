namespace SerAdapt.Experiments;

/// <summary>One setting of a hyperparameter grid and the values it takes (e.g. <c>lr: [5e-5, 1e-4]</c>), by its declared name.</summary>
public sealed record GridAxis(string Setting, IReadOnlyList<object> Values);
