namespace SerAdapt.Adaptation;

/// <summary>
/// Deep CORAL settings (Sun &amp; Saenko 2016): loss = MSE_s + <paramref name="Lambda"/> CORAL(E(x_s), E(x_t));
/// the regressor has <paramref name="RegressorLayers"/> layers.
/// </summary>
public sealed record CoralOptions(float Lambda = 1f, int RegressorLayers = 4)
{
    public void Validate()
    {
        if (!(Lambda >= 0) || !float.IsFinite(Lambda)) throw new ArgumentException($"--coral-lambda must be non-negative, got {Lambda}.");
        if (RegressorLayers < 1) throw new ArgumentException($"The regressor needs at least 1 layer, got {RegressorLayers}.");
    }
}
