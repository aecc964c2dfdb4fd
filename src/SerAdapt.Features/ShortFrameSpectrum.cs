namespace SerAdapt.Features;

/// <summary>
/// The spectrum of one 25 ms frame (<see cref="Is10Pipeline.ShortSpectrum"/>): its magnitudes and the
/// complex bins (usual sign) that the LPC continues from (<see cref="Is10Pipeline.ShortLpc"/>). The
/// spans are the pipeline's buffers, valid until its next ShortSpectrum call (the magnitudes until any
/// spectrum call).
/// </summary>
public readonly ref struct ShortFrameSpectrum(ReadOnlySpan<float> magnitudes, ReadOnlySpan<float> re, ReadOnlySpan<float> im)
{
    public ReadOnlySpan<float> Magnitudes { get; } = magnitudes;

    public ReadOnlySpan<float> Re { get; } = re;

    public ReadOnlySpan<float> Im { get; } = im;
}
