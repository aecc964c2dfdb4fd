using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>
/// One point of a method's grid: point <see cref="Index"/> (0-based, in the grid's order, the last setting
/// varying fastest) and the value of each grid setting; settings not in the grid keep the experiment's.
/// </summary>
public sealed record GridPoint(int Index, IReadOnlyList<KeyValuePair<string, object>> Values)
{
    /// <summary>"lr=0.0001 m=3", or "defaults" for a method without a grid.</summary>
    public string Label(MethodRegistry registry) => Values.Count == 0 ? "defaults"
        : string.Join(" ", Values.Select(v => $"{v.Key}={registry.AllSettings.First(d => d.Name == v.Key).Format(v.Value)}"));
}
