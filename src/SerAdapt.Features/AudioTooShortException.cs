namespace SerAdapt.Features;

/// <summary>Audio too short for the IS10 functionals (fewer than 4 frames of the 60 ms pitch framer).</summary>
public sealed class AudioTooShortException(string source, int samples, int minimumSamples)
    : Exception($"{source}: {samples} samples at 16 kHz ({samples / 16.0:0.#} ms) is too short for IS10 features, which need at least {minimumSamples} samples ({minimumSamples / 16} ms)")
{
    public string FilePath { get; } = source;
}
