namespace SerAdapt.Features.Egemaps;

/// <summary>
/// Runs the eGeMAPSv02 frame stages (16 kHz, int16 / 32767) into <see cref="EgemapsLevels"/>: over a
/// whole signal (<see cref="Compute"/>) or piece by piece (<see cref="Start"/>, <see cref="EgemapsLevelStream"/>);
/// both give the same levels bit for bit.
/// </summary>
public static class EgemapsLevelExtractor
{
    private const float SemitoneFloorHz = 29.136f;

    /// <summary>Samples per piece when a file is streamed.</summary>
    internal const int ChunkSamples = 1 << 14;

    [ThreadStatic] private static EgemapsFrontEnd? _frontEnd;

    public static EgemapsLevels Compute(ReadOnlySpan<float> samples)
    {
        if (samples.Length < EgemapsFrontEnd.LongFrame) throw new AudioTooShortException("audio", samples.Length, EgemapsFrontEnd.LongFrame);
        var stream = Start(samples.Length);
        stream.Push(samples);
        return stream.Finish();
    }

    /// <summary>A level stream for a wave of <paramref name="samples"/> samples (this thread's front end).</summary>
    internal static EgemapsLevelStream Start(long samples) => new(_frontEnd ??= new EgemapsFrontEnd(), samples);

    /// <summary>
    /// 12 log2(F0 / 27.5) for F0 above 29.136 Hz, 1 for lower positive F0, 0 for 0; in float32 as
    /// 12 ln(F0 / 27.5) / ln 2, which equals openSMILE's F0finalLog bit for bit (the debug levels).
    /// </summary>
    public static float Semitone(float f0) => f0 > SemitoneFloorHz ? 12f * MathF.Log(f0 / 27.5f) / MathF.Log(2f) : f0 > 0 ? 1f : 0f;
}
