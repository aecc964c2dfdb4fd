namespace SerAdapt.Adaptation;

/// <summary>
/// MRD settings (Interspeech 2019): m = <paramref name="EncoderSteps"/> encoder updates per batch in
/// step 3; R1 and R2 have different depths (4 and 5 layers, the last one Linear -> 1) to be diverse.
/// </summary>
public sealed record MrdOptions(int EncoderSteps = 3, int R1Layers = 4, int R2Layers = 5)
{
    public void Validate()
    {
        if (EncoderSteps < 1) throw new ArgumentException($"--m must be at least 1, got {EncoderSteps}.");
        if (R1Layers < 1) throw new ArgumentException($"R1 needs at least 1 layer, got {R1Layers}.");
        if (R2Layers < 1) throw new ArgumentException($"R2 needs at least 1 layer, got {R2Layers}.");
    }
}
