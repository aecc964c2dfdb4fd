namespace SerAdapt.Features;

/// <summary>
/// openSMILE's cSpecResample as the LPC sees it (found from its LPC debug level): the frame at
/// the new rate is y[n] = Re sum_{k=0}^{K-1} X[k] exp(2 pi i k n / P), n = 0..M-1, with
/// P = fftSize * targetRate / sampleRate (the FFT period at the new rate, 352 for 512 at
/// 16 -> 11 kHz), M = round(frameLength * targetRate / sampleRate) (the 25 ms frame at the new
/// rate, 275) and K = floor(M / 2) bins (0..136, i.e. up to 4.25 kHz, not 5.5 kHz). The one-sided
/// sum counts the DC bin once and every other bin once, so relative to a real inverse DFT DC has
/// twice the weight; the frame is the first M samples of the P-periodic signal (with the
/// symmetric zero padding the analysed 400 samples sit at 38.5..313.5 of it). Then
/// r[m] = sum_n y[n] y[n+m], m = 0..maxLag.
/// </summary>
public sealed class SpecResample
{
    private readonly int _bins;
    private readonly int _outLength;
    private readonly int _maxLag;
    private readonly double[] _cos; // [n, k]
    private readonly double[] _sin;
    private readonly double[] _y;

    public SpecResample(int fftSize, int frameLength, double sampleRate, double targetRate, int maxLag)
    {
        double ratio = targetRate / sampleRate;
        double period = fftSize * ratio;
        _maxLag = maxLag;
        _outLength = (int)Math.Round(frameLength * ratio);
        _bins = Math.Min(_outLength / 2, fftSize / 2 + 1);
        _cos = new double[_outLength * _bins];
        _sin = new double[_outLength * _bins];
        for (int n = 0; n < _outLength; n++)
            for (int k = 0; k < _bins; k++)
            {
                double ph = 2 * Math.PI * ((double)k * n % period) / period;
                _cos[n * _bins + k] = Math.Cos(ph);
                _sin[n * _bins + k] = Math.Sin(ph);
            }
        _y = new double[_outLength];
    }

    /// <summary>Samples in the resampled frame (M).</summary>
    public int OutputLength => _outLength;

    /// <summary>Bins used (K).</summary>
    public int Bins => _bins;

    /// <summary>The resampled frame y[0..M) from the one-sided spectrum re/im (at least K bins).</summary>
    public void Resample(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> y)
    {
        int nb = _bins;
        var rk = re[..nb];
        var ik = im[..nb];
        for (int n = 0; n < _outLength; n++)
        {
            var c = new ReadOnlySpan<double>(_cos, n * nb, nb);
            var s = new ReadOnlySpan<double>(_sin, n * nb, nb);
            double acc = 0;
            for (int k = 0; k < nb; k++) acc += rk[k] * c[k] - ik[k] * s[k];
            y[n] = acc;
        }
    }

    /// <summary>r[m] = sum_n y[n] y[n+m], m = 0..maxLag, of the resampled frame y.</summary>
    public void Autocorrelation(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> r)
    {
        var y = _y;
        Resample(re, im, y);
        for (int m = 0; m <= _maxLag; m++)
        {
            double acc = 0;
            for (int n = m; n < y.Length; n++) acc += y[n] * y[n - m];
            r[m] = acc;
        }
    }
}
