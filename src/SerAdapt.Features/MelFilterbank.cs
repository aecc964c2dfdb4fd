namespace SerAdapt.Features;

/// <summary>
/// Triangular mel filterbank on the power spectrum (openSMILE cMelspec, usePower=1,
/// htkcompatible=0, bwMethod=lr), with the arithmetic that reproduces openSMILE's mel powers bit
/// for bit (found empirically from its debug levels):
/// <list type="bullet">
/// <item>mel values are float32: m(f) = (float)(1127 ln(1 + f/700)) evaluated in double, for the
/// band edges lofreq/hifreq and for every bin frequency k fs/N;</item>
/// <item>the centres are equally spaced in float32: step = (m(hi) - m(lo)) / (bands + 1),
/// c_i = m(lo) + i step, each operation rounded to float;</item>
/// <item>HTK's shared triangles: each bin k in [int(lo/df + 1.5), int(hi/df + 0.5) - 1] lies
/// between the centres c_j &lt; m_k &lt;= c_(j+1) and has one float weight
/// w = (c_(j+1) - m_k) / (c_(j+1) - c_j); with e = |X_k|^2 (float) and t = w e, band j-1
/// (falling slope) gets t and band j (rising slope) gets e - t, not (1 - w) e;</item>
/// <item>the bands accumulate in float32 over ascending k.</item>
/// </list>
/// </summary>
public sealed class MelFilterbank
{
    private readonly int _firstBin;
    private readonly int[] _channel;   // per bin from _firstBin: j (band j-1 falls, band j rises); -1 = unused
    private readonly float[] _weight;  // per bin: the falling weight w

    public MelFilterbank(int bands, double lowHz, double highHz, int fftSize, double sampleRate)
    {
        Bands = bands;
        double df = sampleRate / fftSize;
        float melLo = Mel(lowHz), melHi = Mel(highHz);
        float step = (melHi - melLo) / (bands + 1);
        var centres = new float[bands + 2];
        for (int i = 0; i < centres.Length; i++) centres[i] = melLo + i * step;

        _firstBin = (int)(lowHz / df + 1.5);
        int lastBin = Math.Min((int)(highHz / df + 0.5) - 1, fftSize / 2);
        int count = Math.Max(lastBin - _firstBin + 1, 0);
        _channel = new int[count];
        _weight = new float[count];
        for (int i = 0; i < count; i++)
        {
            float m = Mel((_firstBin + i) * df);
            int j = -1;
            while (j + 1 < centres.Length && centres[j + 1] < m) j++;
            if (j < 0 || j > bands) { _channel[i] = -1; continue; }
            _channel[i] = j;
            _weight[i] = (centres[j + 1] - m) / (centres[j + 1] - centres[j]);
        }
    }

    public int Bands { get; }

    /// <summary>The mel value of a frequency as openSMILE's filterbank holds it: 1127 ln(1 + f/700) rounded to float32.</summary>
    public static float Mel(double hz) => (float)(1127.0 * Math.Log(1.0 + hz / 700.0));

    /// <summary>Band powers from the magnitude spectrum (see the class summary for the exact arithmetic).</summary>
    public void Apply(ReadOnlySpan<float> magnitude, Span<float> bands)
    {
        bands[..Bands].Clear();
        int last = Bands - 1;
        for (int i = 0; i < _channel.Length; i++)
        {
            int j = _channel[i];
            if (j < 0) continue;
            float m = magnitude[_firstBin + i];
            float e = m * m;
            float t = _weight[i] * e;
            if (j >= 1) bands[j - 1] += t;
            if (j <= last) bands[j] += e - t;
        }
    }
}
