namespace SerAdapt.Adaptation;

/// <summary>
/// Settings of the plain regressor E + R used by Source-only and Train-on-Target: R has
/// <paramref name="RegressorLayers"/> layers, the last Linear -> 1 (the paper's R1).
/// </summary>
public sealed record SourceOnlyOptions(int RegressorLayers = 4)
{
    public void Validate()
    {
        if (RegressorLayers < 1) throw new ArgumentException($"The regressor needs at least 1 layer, got {RegressorLayers}.");
    }
}
