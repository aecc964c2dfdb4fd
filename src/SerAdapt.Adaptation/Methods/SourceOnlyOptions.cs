namespace SerAdapt.Adaptation;

/// <summary>
/// Settings of the plain regressor E + R used by Source-only and Train-on-Target: R has
/// <paramref name="RegressorLayers"/> layers, the last Linear -> 1 (the paper's R1).
/// </summary>
public sealed record SourceOnlyOptions(
    [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 4);
