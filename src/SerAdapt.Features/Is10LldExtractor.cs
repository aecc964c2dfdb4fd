namespace SerAdapt.Features;

/// <summary>
/// The frame level of IS10-paraling (openSMILE IS10_paraling.conf / IS10_paraling_compat.conf) on
/// 16 kHz mono samples scaled as int16 / 32767: 38 LLDs smoothed by a 3-point moving average, and
/// their deltas, one row per 10 ms (computed by <see cref="Is10LldStream"/>). See /docs/features.md
/// for what matches openSMILE exactly.
/// </summary>
public static class Is10LldExtractor
{
    public const int SampleRate = 16000;
    public const int Step = 160;
    public const int ShortFrame = 400;   // 25 ms
    public const int LongFrame = 960;    // 60 ms

    [ThreadStatic] private static Is10Pipeline? _is10;
    [ThreadStatic] private static Is10Pipeline? _compat;

    /// <summary>The LLDs of a whole wave (16 kHz, int16/32767 scale).</summary>
    public static Is10Lld Compute(ReadOnlySpan<float> samples, Is10Variant variant)
    {
        if (samples.Length < LongFrame) throw new AudioTooShortException("audio", samples.Length, LongFrame);
        var stream = Start(variant, samples.Length);
        for (int at = 0; at < samples.Length; at += ChunkSamples)
            stream.Push(samples.Slice(at, Math.Min(ChunkSamples, samples.Length - at)));
        return stream.Finish();
    }

    /// <summary>Samples pushed at a time by the extractors (about 4 s).</summary>
    internal const int ChunkSamples = 1 << 16;

    /// <summary>A stream over a wave of <paramref name="samples"/> samples, on this thread's pipeline of the variant.</summary>
    internal static Is10LldStream Start(Is10Variant variant, long samples) =>
        new(variant == Is10Variant.Is10
            ? _is10 ??= new Is10Pipeline(Is10Variant.Is10)
            : _compat ??= new Is10Pipeline(Is10Variant.Is10Compat), samples);
}
