namespace SerAdapt.Adaptation;

/// <summary>Settings shared by every method; the defaults are the MRD paper's (Interspeech 2019).</summary>
public sealed record TrainingOptions
{
    /// <summary>Maximum epochs (paper: up to 100).</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Adam learning rate (paper: 5e-5 .. 5e-4).</summary>
    public float LearningRate { get; init; } = 1e-4f;

    public int BatchSize { get; init; } = 64;

    /// <summary>Width of every hidden layer (paper: 1024).</summary>
    public int Width { get; init; } = 1024;

    /// <summary>Hidden blocks of the encoder E (paper: 4).</summary>
    public int EncoderLayers { get; init; } = 4;

    public float Dropout { get; init; } = 0.5f;

    public int Seed { get; init; } = 0;

    public ModelSelection Selection { get; init; } = ModelSelection.SourceValidation;

    /// <summary>Part of the SOURCE held out for <see cref="ModelSelection.SourceValidation"/>.</summary>
    public float ValidationFraction { get; init; } = 0.1f;

    /// <summary>Epochs without source-validation improvement before stopping.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Worker threads for the matrix kernels; 0 = all cores.</summary>
    public int Threads { get; init; } = 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"--epochs must be at least 1, got {Epochs}.");
        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
            throw new ArgumentException($"--lr must be positive, got {Fmt(LearningRate)}.");
        if (BatchSize < 2) throw new ArgumentException($"--batch-size must be at least 2 (batch normalisation needs 2 rows), got {BatchSize}.");
        if (Width < 1) throw new ArgumentException($"--width must be at least 1, got {Width}.");
        if (EncoderLayers < 1) throw new ArgumentException($"--encoder-layers must be at least 1, got {EncoderLayers}.");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentException($"--dropout must be in [0, 1), got {Fmt(Dropout)}.");
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw new ArgumentException($"--validation-fraction must be in (0, 1), got {Fmt(ValidationFraction)}.");
        if (Patience < 1) throw new ArgumentException($"--patience must be at least 1, got {Patience}.");
        if (Threads < 0) throw new ArgumentException($"--threads must be 0 (all cores) or positive, got {Threads}.");
    }

    private static string Fmt(float v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
