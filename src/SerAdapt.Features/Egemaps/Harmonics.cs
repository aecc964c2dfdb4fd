namespace SerAdapt.Features.Egemaps;

/// <summary>
/// Voice-quality measures from the 60 ms Gaussian spectrum (the role of openSMILE's cHarmonics as
/// eGeMAPS configures it; reference S9, pitfalls E1, E7): HNR from the autocorrelation of the power
/// spectrum, the levels of up to 100 harmonics relative to the raw magnitude of the fundamental,
/// H1-H2 and H1-A3 (harmonic array index 1 and 2, i.e. 2F0 and 3F0) and the formant amplitudes.
/// </summary>
public sealed class Harmonics
{
    public const float Missing = -201f;
    private const float LevelFloor = -200f;
    private const int MaxHarmonics = 100;
    private readonly int _fftSize;
    private readonly int _bins;
    private readonly double _binHz;
    private readonly double _sampleRate;
    private readonly OouraSplitRadixFft _fft;
    private readonly float[] _acf;
    private readonly float[] _level = new float[MaxHarmonics];
    private readonly float[] _raw = new float[MaxHarmonics];
    private readonly float[] _freq = new float[MaxHarmonics];

    public Harmonics(int fftSize, double sampleRate)
    {
        _fftSize = fftSize;
        _bins = fftSize / 2 + 1;
        _sampleRate = sampleRate;
        _binHz = sampleRate / fftSize;
        _fft = new OouraSplitRadixFft(fftSize);
        _acf = new float[fftSize];
    }

    /// <summary>
    /// HNR (dB), H1-H2, H1-A3, F1..F3 amplitudes of one frame into <paramref name="output"/> (6 values),
    /// from the magnitude spectrum, F0 in Hz (0 = unvoiced) and the formant frequencies.
    /// </summary>
    public void Apply(ReadOnlySpan<float> magnitude, float f0, ReadOnlySpan<float> formants, Span<float> output)
    {
        if (f0 <= 0)
        {
            output[..3].Clear();
            output[3] = output[4] = output[5] = Missing;
            return;
        }
        output[0] = Hnr(magnitude, f0);
        int count = FindHarmonics(magnitude, f0);
        if (count == 0 || _raw[0] == 0)
        {
            // No fundamental peak: the harmonic measures are those of an unvoiced frame
            // (asterisk_demo-congrats_8k frames 1014, 1016), the HNR stays.
            output[1] = output[2] = 0;
            output[3] = output[4] = output[5] = Missing;
            return;
        }
        float h1 = count > 1 ? _level[1] : LevelFloor;
        float h2 = count > 2 ? _level[2] : LevelFloor;
        output[1] = Clip(h1 - h2);
        float a3 = FormantLevel(formants[2], count, out bool found3);
        output[2] = Clip(h1 - (found3 ? a3 : Missing));
        for (int i = 0; i < 3; i++)
        {
            float a = FormantLevel(formants[i], count, out bool found);
            output[3 + i] = found ? a : 0f;
        }
    }

    private static float Clip(float d) => Math.Clamp(d, -201f, 201f);

    // Level of the harmonic (above the fundamental) with the largest raw magnitude whose frequency lies in [0.8 f, 1.2 f].
    private float FormantLevel(float formant, int count, out bool found)
    {
        found = false;
        int best = -1;
        double lo = 0.8 * formant, hi = 1.2 * formant;
        // The fundamental itself never counts (espeak_en_m_p50_s175 frame 124: F1 = 103 Hz, F0 = 97 Hz -> 0).
        for (int h = 1; h < count; h++)
        {
            if (_raw[h] == 0) continue;
            if (_freq[h] < lo || _freq[h] > hi) continue;
            if (best < 0 || _raw[h] > _raw[best]) best = h;
        }
        if (best < 0) return 0;
        found = true;
        return _level[best];
    }

    // 10 log10(acf[lag] / (acf[0] - acf[lag])) at the acf maximum nearest to the period of F0.
    private float Hnr(ReadOnlySpan<float> magnitude, float f0)
    {
        // The real inverse DFT of the (even) power spectrum, through the forward transform of its
        // even extension: R[j] = P0 + (-1)^j P_N/2 + 2 sum P[k] cos(2 pi j k / N).
        int n = _fftSize, half = n / 2;
        var a = _acf;
        for (int k = 0; k <= half; k++) a[k] = magnitude[k] * magnitude[k];
        for (int k = 1; k < half; k++) a[n - k] = a[k];
        _fft.Forward(a);
        // Ooura's layout: a[0] = R0, a[1] = R_N/2, a[2j] = R_j; the ACF needs lags 0..N/2.
        Span<float> acf = stackalloc float[half + 1];
        acf[0] = Math.Abs(a[0]);
        acf[half] = Math.Abs(a[1]);
        for (int j = 1; j < half; j++) acf[j] = Math.Abs(a[2 * j]);
        int lag = (int)Math.Floor(_sampleRate / f0);
        if (lag < 1 || lag >= half) return 0;
        lag = NearestMaximum(acf, lag);
        double ratio = acf[0] - acf[lag] > 0 ? (double)acf[lag] / (acf[0] - acf[lag]) : 1e11;
        ratio = Math.Clamp(ratio, 1e-9, 1e11);
        return (float)(10 * Math.Log10(ratio));
    }

    private static int NearestMaximum(ReadOnlySpan<float> acf, int lag)
    {
        for (int d = 0; d < acf.Length; d++)
        {
            int l = lag - d;
            if (l >= 1 && l < acf.Length - 1 && acf[l] > acf[l - 1] && acf[l] > acf[l + 1]) return l;
            l = lag + d;
            if (l >= 1 && l < acf.Length - 1 && acf[l] > acf[l - 1] && acf[l] > acf[l + 1]) return l;
        }
        return lag;
    }

    // Fills _level/_raw/_freq for harmonics 0..count-1; returns count.
    private int FindHarmonics(ReadOnlySpan<float> mag, float f0)
    {
        int last = _bins - 1;
        int minBin = (int)Math.Round(0.5 * f0 / _binHz);
        int prevBin = -1;
        int count = 0;
        float log0 = 0;
        for (int h = 0; h < MaxHarmonics; h++)
        {
            double fh = (h + 1) * (double)f0;
            int expected = (int)Math.Round(fh / _binHz);
            if (expected >= last) break;
            int lo = (int)Math.Round((h + 0.5) * f0 / _binHz), hi = (int)Math.Round((h + 1.5) * f0 / _binHz);
            int peak = -1;
            if (IsPeak(mag, expected)) peak = expected;
            else
                for (int d = 1; peak < 0 && (expected + d <= hi || expected - d >= lo); d++)
                {
                    if (expected + d <= hi && IsPeak(mag, expected + d)) peak = expected + d;
                    else if (expected - d >= lo && IsPeak(mag, expected - d)) peak = expected - d;
                }
            count = h + 1;
            if (peak < 0 || peak < minBin || peak >= last || peak == prevBin)
            {
                // No peak: zero magnitude, whose level is the floor (H1-H2 of librivox_0880 frame 13).
                _level[h] = LevelFloor; _raw[h] = 0; _freq[h] = 0;
                continue;
            }
            prevBin = peak;
            // Parabola through the three bins and the levels in float32 (MathF.Log10): nearer
            // openSMILE's bits than double (H1-H2 of librivox_0880: 133 of 147 voiced frames
            // bit-exact, against 50 in double).
            float a = mag[peak - 1], b = mag[peak], c = mag[peak + 1];
            float den = a - 2f * b + c;
            float offset = den != 0 ? 0.5f * (a - c) / den : 0f;
            float interp = b - 0.25f * (a - c) * offset;
            _raw[h] = b;
            _freq[h] = (float)((peak + offset) * _binHz);
            if (h == 0) log0 = MathF.Log10(b);
            float level = 20f * (MathF.Log10(interp) - log0);
            _level[h] = h == 0 && b <= 0 ? Missing : Math.Max(level, LevelFloor);
        }
        return count;
    }

    private static bool IsPeak(ReadOnlySpan<float> mag, int k) =>
        k >= 1 && k < mag.Length - 1 && mag[k] > mag[k - 1] && mag[k] > mag[k + 1];
}
