namespace SerAdapt.Features;

/// <summary>
/// The frame level of IS10-paraling (openSMILE IS10_paraling.conf / IS10_paraling_compat.conf) on
/// 16 kHz mono samples scaled as int16 / 32767: 38 LLDs smoothed by a 3-point moving average, and
/// their deltas, one row per 10 ms. See /docs/features.md for what matches openSMILE exactly.
/// </summary>
public static class Is10LldExtractor
{
    public const int SampleRate = 16000;
    public const int Step = 160;
    public const int ShortFrame = 400;   // 25 ms
    public const int LongFrame = 960;    // 60 ms
    private const int Lld1Columns = 34;
    private const int Spectral = 32;     // loudness, mfcc 0-14, logMelFreqBand 0-7, lspFreq 0-7

    [ThreadStatic] private static Is10Pipeline? _is10;
    [ThreadStatic] private static Is10Pipeline? _compat;

    public static Is10Lld Compute(ReadOnlySpan<float> samples, Is10Variant variant)
    {
        if (samples.Length < LongFrame) throw new AudioTooShortException("audio", samples.Length, LongFrame);
        var pipe = variant == Is10Variant.Is10
            ? _is10 ??= new Is10Pipeline(Is10Variant.Is10)
            : _compat ??= new Is10Pipeline(Is10Variant.Is10Compat);

        int nLld = (samples.Length - LongFrame) / Step + 1;
        int nShort = Math.Min((samples.Length - ShortFrame) / Step + 1, nLld + 1);

        // Un-smoothed 25 ms LLDs, frame-major.
        var spectral = new float[nShort * Spectral];
        for (int t = 0; t < nShort; t++)
            pipe.ShortFrame(samples.Slice(t * Step, ShortFrame), spectral.AsSpan(t * Spectral, Spectral));

        // SHS pitch on every 60 ms frame, then the smoother (one frame fewer).
        var bestF0 = new float[nLld];
        var bestVoicing = new float[nLld];
        for (int t = 0; t < nLld; t++)
            (bestF0[t], bestVoicing[t]) = pipe.Pitch(samples.Slice(t * Step, LongFrame));
        int nPitch = nLld - 1;
        var f0Final = new float[nPitch];
        var f0Env = new float[nPitch];
        var voicing = new float[nPitch];
        PitchSmoother.Apply(bestF0, bestVoicing, pipe.VoicingCutoff, f0Final, f0Env, voicing);

        // Pitch-rate columns (F0finEnv, voicing, F0final, jitter x2, shimmer), last row an edge copy.
        var pitchCols = new float[6][];
        for (int c = 0; c < 6; c++) pitchCols[c] = new float[nLld];
        pipe.Jitter.Reset();
        for (int t = 0; t < nPitch; t++)
        {
            var (jl, jd, sh) = pipe.Jitter.Compute(samples, (t + 1) * Step, f0Final[t]);
            pitchCols[0][t] = f0Env[t];
            pitchCols[1][t] = voicing[t];
            pitchCols[2][t] = f0Final[t];
            pitchCols[3][t] = jl;
            pitchCols[4][t] = jd;
            pitchCols[5][t] = sh;
        }
        if (nPitch > 0)
            for (int c = 0; c < 6; c++) pitchCols[c][nLld - 1] = pitchCols[c][nPitch - 1];

        // Smoothing into the output layout (row-major, 76 columns).
        const int stride = Is10Lld.Columns;
        var flat = new float[nLld * stride];
        var column = new float[Math.Max(nShort, nLld)];
        var smoothed = new float[nLld];
        for (int c = 0; c < Spectral; c++)
        {
            for (int t = 0; t < nShort; t++) column[t] = spectral[t * Spectral + c];
            Smoothing.Sma(column.AsSpan(0, nShort), smoothed);
            for (int t = 0; t < nLld; t++) flat[t * stride + c] = smoothed[t];
        }
        for (int c = 0; c < 6; c++)
        {
            bool lld2 = c >= 2;
            if (lld2 && pipe.NoZeroSma) Smoothing.SmaNoZero(pitchCols[c], smoothed);
            else Smoothing.Sma(pitchCols[c], smoothed);
            for (int t = 0; t < nLld; t++) flat[t * stride + Spectral + c] = smoothed[t];
        }

        Deltas.Regression(flat, nLld, stride, 0, Lld1Columns, flat, 38);
        if (pipe.SegmentDeltas) Deltas.SegmentRegression(flat, nLld, stride, Lld1Columns, 4, flat, 38 + Lld1Columns);
        else Deltas.Regression(flat, nLld, stride, Lld1Columns, 4, flat, 38 + Lld1Columns);

        var frames = new float[nLld, stride];
        Buffer.BlockCopy(flat, 0, frames, 0, flat.Length * sizeof(float));
        return new Is10Lld(frames, f0Final);
    }
}
