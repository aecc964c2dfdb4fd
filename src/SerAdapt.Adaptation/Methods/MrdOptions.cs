namespace SerAdapt.Adaptation;

/// <summary>
/// MRD settings (Interspeech 2019): m = <paramref name="EncoderSteps"/> encoder updates per batch in
/// step 3; R1 and R2 have different depths (4 and 5 layers, the last one Linear -> 1) to be diverse.
/// </summary>
public sealed record MrdOptions(
    [property: Setting("m", "MRD: encoder updates per batch in step 3 (the paper's m)", Min = 1)] int EncoderSteps = 3,
    [property: Setting("mrd-r1-layers", "MRD: Linear layers of the regressor R1 (the last one -> 1)", Min = 1)] int R1Layers = 4,
    [property: Setting("mrd-r2-layers", "MRD: Linear layers of the regressor R2, deeper than R1 to be diverse", Min = 1)] int R2Layers = 5);
