namespace SerAdapt.Adaptation;

/// <summary>
/// Per-feature statistics a model applies to raw features before its encoder: x' = (x - Mean) / Std.
/// </summary>
public sealed record FeatureNormalisation(string[] Names, float[] Mean, float[] Std)
{
    public int Dimension => Mean.Length;

    public void Validate()
    {
        if (Mean.Length != Std.Length || Names.Length != Mean.Length)
            throw new ArgumentException($"Normalisation statistics disagree in length: {Names.Length} names, {Mean.Length} means, {Std.Length} stds.");
        for (int i = 0; i < Std.Length; i++)
            if (!(Std[i] > 0) || !float.IsFinite(Std[i]) || !float.IsFinite(Mean[i]))
                throw new ArgumentException($"Normalisation of feature '{Names[i]}' is unusable: mean {Mean[i]}, std {Std[i]} (std must be positive and finite).");
    }
}
