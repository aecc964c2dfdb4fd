namespace SerAdapt.Features.Egemaps;

/// <summary>
/// The 88 eGeMAPSv02 functionals from the frame levels (reference S11-S13, pitfalls E7, E11,
/// E12, E15, E17): the voiced/unvoiced gating by the un-smoothed F0, the smoothing of each set,
/// the frame counts openSMILE's functionals read at the end of the input (n20 on the 20 ms side,
/// n60 - K on the F0 side), moments, percentiles, peak slopes, segments and Leq.
/// </summary>
public static class EgemapsFunctionals
{
    public const int Count = 88;
    private const double Period = 0.01;
    private const float VoicedThreshold = 1e-6f;
    private static readonly double[] s_percentiles = [0.2, 0.5, 0.8];

    public static float[] Compute(EgemapsLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        int n20 = levels.Short, n60 = levels.Long;
        int used = n60 - levels.Pending;
        const int ec = EgemapsLevels.EColumns, fc = EgemapsLevels.FColumns;
        var output = new float[Count];
        var raw = new float[Math.Max(n20, n60)];
        var smo = new float[Math.Max(n20, n60)];
        var scratch = new float[Math.Max(n20, n60)];
        var voiced = new bool[n60];
        for (int t = 0; t < n60; t++) voiced[t] = levels.F[t * fc] > VoicedThreshold;
        // The F0-side sets that received their frame n60 - K before the functionals fired smooth
        // frame n60 - K - 1 with its real right neighbour; the voice-quality set does not (E17).
        int withNext = Math.Min(used + 1, n60);

        // 1-10: F0 semitone (non-zero frames).
        for (int t = 0; t < withNext; t++) raw[t] = levels.F[t * fc];
        Smoothing.SmaNoZero(raw.AsSpan(0, withNext), smo.AsSpan(0, used));
        var f0 = smo.AsSpan(0, used).ToArray();
        int nz = NonZero(f0, scratch);
        Contour(scratch.AsSpan(0, nz), output.AsSpan(0, 10), out _);

        // 11-20, 82: loudness (all n20 frames).
        for (int t = 0; t < n20; t++) raw[t] = levels.E[t * ec];
        Smoothing.Sma(raw.AsSpan(0, n20), smo.AsSpan(0, n20));
        Contour(smo.AsSpan(0, n20), output.AsSpan(10, 10), out int peaks);
        output[81] = (float)(peaks / (n20 * Period));

        // 21-30: flux, mfcc1-4 (all n20 frames).
        for (int c = 0; c < 5; c++)
        {
            for (int t = 0; t < n20; t++) raw[t] = levels.E[t * ec + 5 + c];
            Smoothing.Sma(raw.AsSpan(0, n20), smo.AsSpan(0, n20));
            Moments(smo.AsSpan(0, n20), out output[20 + 2 * c], out output[21 + 2 * c]);
        }

        // 31-58: jitter .. F3 amplitude (formant frequencies/bandwidths zeroed on unvoiced frames,
        // amplitudes not: -201, E7), non-zero values.
        for (int c = 0; c < 14; c++)
        {
            bool gated = c >= 5 && (c - 5) % 3 != 2;
            for (int t = 0; t < used; t++) raw[t] = gated && !voiced[t] ? 0 : levels.F[t * fc + 1 + c];
            Smoothing.SmaNoZero(raw.AsSpan(0, used), smo.AsSpan(0, used));
            nz = NonZero(smo.AsSpan(0, used), scratch);
            Moments(scratch.AsSpan(0, nz), out output[30 + 2 * c], out output[31 + 2 * c]);
        }

        // 59-76: voiced spectral set; 77-81: unvoiced spectral set (means of non-zero values).
        for (int c = 0; c < 9; c++)
        {
            for (int t = 0; t < withNext; t++) raw[t] = voiced[t] ? levels.E[t * ec + 1 + c] : 0;
            Smoothing.SmaNoZero(raw.AsSpan(0, withNext), smo.AsSpan(0, used));
            nz = NonZero(smo.AsSpan(0, used), scratch);
            Moments(scratch.AsSpan(0, nz), out output[58 + 2 * c], out output[59 + 2 * c]);
        }
        for (int c = 0; c < 5; c++)
        {
            for (int t = 0; t < withNext; t++) raw[t] = voiced[t] ? 0 : levels.E[t * ec + 1 + c];
            Smoothing.SmaNoZero(raw.AsSpan(0, withNext), smo.AsSpan(0, used));
            nz = NonZero(smo.AsSpan(0, used), scratch);
            Moments(scratch.AsSpan(0, nz), out output[76 + c], out _);
        }

        // 83-87: voiced and unvoiced segments of the smoothed F0.
        (output[82], output[83], output[84]) = VoicedSegments.Compute(f0, voiced: true, Period);
        (_, output[85], output[86]) = VoicedSegments.Compute(f0, voiced: false, Period);

        // 88: Leq over the mean-square energy of all n20 frames.
        double leq = 0;
        for (int t = 0; t < n20; t++) leq += levels.Energy[t];
        output[87] = (float)(10 * Math.Log10(Math.Max((float)(leq / n20), 1e-12)));
        return output;
    }

    private static int NonZero(ReadOnlySpan<float> x, Span<float> result)
    {
        int n = 0;
        foreach (float v in x) if (v != 0) result[n++] = v;
        return n;
    }

    // amean, stddevNorm, percentile 20/50/80, pctlrange0-2, rising/falling slope mean/stddev.
    private static void Contour(Span<float> x, Span<float> output, out int peaks)
    {
        output.Clear();
        peaks = 0;
        if (x.IsEmpty) return;
        Moments(x, out output[0], out output[1]);
        var (rm, rs, fm, fs, p) = PeakSlopes.Compute(x, Period);
        (output[6], output[7], output[8], output[9]) = (rm, rs, fm, fs);
        peaks = p;
        Span<double> pct = stackalloc double[3];
        OrderStatistics.Percentiles(x, s_percentiles, pct);
        output[2] = (float)pct[0];
        output[3] = (float)pct[1];
        output[4] = (float)pct[2];
        output[5] = output[4] - output[2];
    }

    // Arithmetic mean (double sum, float result) and stddev / mean (population; 0 without variance).
    private static void Moments(ReadOnlySpan<float> x, out float mean, out float stddevNorm)
    {
        mean = 0;
        stddevNorm = 0;
        if (x.IsEmpty) return;
        double sum = 0;
        foreach (float v in x) sum += v;
        mean = (float)(sum / x.Length);
        double sq = 0;
        foreach (float v in x) sq += ((double)v - mean) * ((double)v - mean);
        double variance = sq / x.Length;
        if (variance > 0 && mean != 0) stddevNorm = (float)(Math.Sqrt(variance) / mean);
    }
}
