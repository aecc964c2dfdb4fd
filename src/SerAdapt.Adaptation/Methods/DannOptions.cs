namespace SerAdapt.Adaptation;

/// <summary>
/// DANN settings (Ganin &amp; Lempitsky 2015): the domain discriminator has
/// <paramref name="DiscriminatorLayers"/> layers (the last Linear -> 1 logit), hidden width
/// <paramref name="DiscriminatorWidth"/>; the regressor has <paramref name="RegressorLayers"/> layers.
/// </summary>
public sealed record DannOptions(
    [property: Setting("dann-discriminator-layers", "DANN: Linear layers of the domain discriminator (the last one -> 1 logit)", Min = 1)] int DiscriminatorLayers = 3,
    [property: Setting("dann-discriminator-width", "DANN: hidden width of the domain discriminator", Min = 1)] int DiscriminatorWidth = 1024,
    [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 4);
