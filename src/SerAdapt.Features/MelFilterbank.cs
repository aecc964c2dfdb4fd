namespace SerAdapt.Features;

/// <summary>
/// Triangular mel filterbank on a power spectrum (openSMILE cMelspec, usePower=1, htkcompatible=0,
/// bwMethod=lr): centres equally spaced on mel = 1127 ln(1 + f/700) between lofreq and hifreq,
/// each triangle spanning its neighbours' centres. As in HTK, bins below lofreq/df + 1.5 (0-based)
/// take no part, which drops the first bin above lofreq.
/// </summary>
public sealed class MelFilterbank
{
    private readonly int[] _start;
    private readonly float[][] _weights;

    public MelFilterbank(int bands, double lowHz, double highHz, int fftSize, double sampleRate)
    {
        Bands = bands;
        int nBins = fftSize / 2 + 1;
        double df = sampleRate / fftSize;
        double melLo = Mel(lowHz), melHi = Mel(highHz);
        var centres = new double[bands + 2];
        for (int i = 0; i < centres.Length; i++) centres[i] = melLo + (melHi - melLo) * i / (bands + 1);
        int firstBin = (int)(lowHz / df + 1.5);
        _start = new int[bands];
        _weights = new float[bands][];
        for (int b = 0; b < bands; b++)
        {
            double l = centres[b], c = centres[b + 1], r = centres[b + 2];
            var w = new List<float>();
            int start = -1;
            for (int k = firstBin; k < nBins; k++)
            {
                double m = Mel(k * df);
                double v = Math.Min((m - l) / (c - l), (r - m) / (r - c));
                if (v <= 0) { if (start >= 0) break; continue; }
                if (start < 0) start = k;
                w.Add((float)v);
            }
            _start[b] = Math.Max(start, 0);
            _weights[b] = w.ToArray();
        }
    }

    public int Bands { get; }

    public static double Mel(double hz) => 1127.0 * Math.Log(1.0 + hz / 700.0);

    /// <summary>Band energies sum_k w_bk |X_k|^2 from the magnitude spectrum.</summary>
    public void Apply(ReadOnlySpan<float> magnitude, Span<float> bands)
    {
        for (int b = 0; b < Bands; b++)
        {
            var w = _weights[b];
            int s = _start[b];
            float acc = 0;
            for (int i = 0; i < w.Length; i++)
            {
                float m = magnitude[s + i];
                acc += w[i] * m * m;
            }
            bands[b] = acc;
        }
    }
}
