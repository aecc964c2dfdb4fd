namespace SerAdapt.Adaptation;

/// <summary>
/// DANN settings (Ganin &amp; Lempitsky 2015): the domain discriminator has
/// <paramref name="DiscriminatorLayers"/> layers (the last Linear -> 1 logit), hidden width
/// <paramref name="DiscriminatorWidth"/>; the regressor has <paramref name="RegressorLayers"/> layers.
/// </summary>
public sealed record DannOptions(int DiscriminatorLayers = 3, int DiscriminatorWidth = 1024, int RegressorLayers = 4)
{
    public void Validate()
    {
        if (DiscriminatorLayers < 1) throw new ArgumentException($"The domain discriminator needs at least 1 layer, got {DiscriminatorLayers}.");
        if (DiscriminatorWidth < 1) throw new ArgumentException($"The domain discriminator width must be positive, got {DiscriminatorWidth}.");
        if (RegressorLayers < 1) throw new ArgumentException($"The regressor needs at least 1 layer, got {RegressorLayers}.");
    }
}
