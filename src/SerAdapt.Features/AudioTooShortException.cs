namespace SerAdapt.Features;

/// <summary>The input holds fewer samples than one 60 ms pitch frame, so openSMILE writes no frame.</summary>
public sealed class AudioTooShortException(int samples, int required)
    : Exception($"Audio has {samples} samples ({samples / 16.0:0.#} ms at 16 kHz); IS10 needs at least {required} (one 60 ms pitch frame).")
{
    public int Samples { get; } = samples;
    public int Required { get; } = required;
}
