namespace SerAdapt.Adaptation;

/// <summary>
/// Deep CORAL settings (Sun &amp; Saenko 2016): loss = MSE_s + <paramref name="Lambda"/> CORAL(E(x_s), E(x_t));
/// the regressor has <paramref name="RegressorLayers"/> layers.
/// </summary>
public sealed record CoralOptions(
    [property: Setting("coral-lambda", "Deep CORAL: weight of the CORAL loss", Min = 0)] float Lambda = 1f,
    [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 4);
