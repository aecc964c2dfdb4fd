namespace SerAdapt.Features.Egemaps;

/// <summary>Runs the eGeMAPSv02 frame stages over a whole signal (16 kHz, int16 / 32767) into <see cref="EgemapsLevels"/>.</summary>
public static class EgemapsLevelExtractor
{
    private const float SemitoneFloorHz = 29.136f;
    private const float EnergyGate = 0.001f;

    [ThreadStatic] private static EgemapsFrontEnd? _frontEnd;

    public static EgemapsLevels Compute(ReadOnlySpan<float> samples)
    {
        const int step = EgemapsFrontEnd.Step;
        if (samples.Length < EgemapsFrontEnd.LongFrame) throw new AudioTooShortException("audio", samples.Length, EgemapsFrontEnd.LongFrame);
        var fe = _frontEnd ??= new EgemapsFrontEnd();
        int n60 = (samples.Length - EgemapsFrontEnd.LongFrame) / step + 1;
        int n20 = (samples.Length - EgemapsFrontEnd.ShortFrame) / step + 1;

        const int ec = EgemapsLevels.EColumns, fc = EgemapsLevels.FColumns;
        var e = new float[n20 * ec];
        var formants = new float[n20 * 10];
        var energy = new double[n20];
        fe.Spectral.Reset();
        for (int t = 0; t < n20; t++)
            energy[t] = fe.ShortFrameLevels(samples.Slice(t * step, EgemapsFrontEnd.ShortFrame), e.AsSpan(t * ec, ec), formants.AsSpan(t * 10, 10));

        var viterbi = new PitchViterbi(EgemapsFrontEnd.Candidates, EgemapsFrontEnd.VoicingCutoff);
        var rms = new float[n60];
        Span<float> cf0 = stackalloc float[EgemapsFrontEnd.Candidates];
        Span<float> cv = stackalloc float[EgemapsFrontEnd.Candidates];
        for (int t = 0; t < n60; t++)
        {
            int count = fe.LongFrameLevels(samples.Slice(t * step, EgemapsFrontEnd.LongFrame), cf0, cv, out rms[t]);
            viterbi.Add(cf0, cv, count);
        }
        int pending = viterbi.Pending;
        viterbi.Flush();

        var f = new float[n60 * fc];
        var f0 = new float[n60];
        Span<float> h = stackalloc float[6];
        for (int t = 0; t < n60; t++)
        {
            var (hz, _) = viterbi.Result(t);
            f0[t] = rms[t] > EnergyGate ? hz : 0f;
            var row = f.AsSpan(t * fc, fc);
            row[0] = Semitone(f0[t]);
            var fm = formants.AsSpan(t * 10, 10);
            fe.HarmonicLevels(samples.Slice(t * step, EgemapsFrontEnd.LongFrame), f0[t], fm, h);
            row[3] = h[0]; row[4] = h[1]; row[5] = h[2];
            for (int i = 0; i < 3; i++)
            {
                row[6 + 3 * i] = fm[i];
                row[7 + 3 * i] = fm[5 + i];
                row[8 + 3 * i] = h[3 + i];
            }
        }

        // openSMILE: cPitchJitter with searchRangeRel 0.1, useBrokenJitterThresh 0 and minCC 0.5, its
        // rows at the frame start 160 t (the Viterbi output is time-stamped correctly, no one-frame
        // delay). With minCC 0.5 jitter and shimmer match openSMILE on every row of the 21 files (docs/features.md).
        var jitter = new PitchJitter(EgemapsFrontEnd.SampleRate, 0.1, minCC: 0.5f);
        jitter.Reset();
        for (int t = 0; t < n60; t++)
        {
            var (jl, _, sh) = jitter.Compute(samples, t * step, f0[t]);
            f[t * fc + 1] = jl;
            f[t * fc + 2] = f0[t] > 0 ? (float)(20 * Math.Log10(1.0 + Math.Min(sh, 1f))) : 0f; // 1 + s in double: tiny shimmer (syn_sine)
        }
        return new EgemapsLevels(n20, n60, pending, e, f, energy);
    }

    /// <summary>
    /// 12 log2(F0 / 27.5) for F0 above 29.136 Hz, 1 for lower positive F0, 0 for 0; in float32 as
    /// 12 ln(F0 / 27.5) / ln 2, which equals openSMILE's F0finalLog bit for bit (the debug levels).
    /// </summary>
    public static float Semitone(float f0) => f0 > SemitoneFloorHz ? 12f * MathF.Log(f0 / 27.5f) / MathF.Log(2f) : f0 > 0 ? 1f : 0f;
}
