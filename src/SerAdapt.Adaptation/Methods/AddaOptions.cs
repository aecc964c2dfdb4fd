namespace SerAdapt.Adaptation;

/// <summary>
/// ADDA settings (Tzeng et al. 2017): the first <paramref name="PretrainFraction"/> of the training steps
/// pre-train E_s + R on the source; the rest adapt E_t against a discriminator of
/// <paramref name="DiscriminatorLayers"/> Linear layers, <paramref name="DiscriminatorWidth"/> wide.
/// </summary>
public sealed record AddaOptions(
    [property: Setting("adda-pretrain-fraction", "ADDA: fraction of the training steps that pre-train E_s + R on the source; the rest adapt E_t", Min = 0, Max = 1, MaxExclusive = true)] float PretrainFraction = 0.5f,
    [property: Setting("adda-discriminator-layers", "ADDA: Linear layers of the domain discriminator (the last one -> 1 logit)", Min = 1)] int DiscriminatorLayers = 3,
    [property: Setting("adda-discriminator-width", "ADDA: hidden width of the domain discriminator", Min = 1)] int DiscriminatorWidth = 1024,
    [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 4);
