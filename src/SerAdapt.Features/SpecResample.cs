namespace SerAdapt.Features;

/// <summary>
/// openSMILE's cSpecResample as its LPC sees it (found from openSMILE's LPC debug level): the frame
/// at the new rate is y[n] = Re sum_{k=0}^{K-1} X[k] exp(2 pi i k n / P), n = 0..M-1, with
/// P = fftSize * targetRate / sampleRate (the FFT period at the new rate: 352 for 512 points at
/// 16 -> 11 kHz), M = round(frameLength * targetRate / sampleRate) (the 25 ms frame at the new
/// rate: 275) and K = floor(M / 2) bins (0..136, i.e. up to 4.25 kHz, not 5.5 kHz). Being a
/// one-sided sum, it counts every bin once, where a real inverse DFT counts all but DC and Nyquist
/// twice (so DC has double the relative weight). The frame is the first M samples of the
/// P-periodic signal (with the symmetric zero padding the analysed 400 samples sit at
/// 38.5..313.5 of it, so its end is cut). Like openSMILE, the frame is stored as float32 and its
/// autocorrelation is summed in float32.
/// The synthesis runs as a P = N1 x N2 (N2 a power of two) inverse DFT: N1-point direct sums of
/// the K bins, then N1 radix-2 FFTs of N2 points, in double; y[n1 + N1 n2] lands at [n2, n1],
/// i.e. in natural order.
/// </summary>
public sealed class SpecResample
{
    private readonly int _bins;
    private readonly int _outLength;
    private readonly int _maxLag;
    private readonly int _n1;
    private readonly int _n2;
    private readonly double[] _twRe; // [k, n1] = exp(2 pi i k n1 / P)
    private readonly double[] _twIm;
    private readonly double[] _fftCos; // exp(2 pi i j / N2), j < N2 / 2
    private readonly double[] _fftSin;
    private readonly int[] _bitReverse;
    private readonly double[] _aRe; // [k2, n1]
    private readonly double[] _aIm;
    private readonly float[] _y;

    public SpecResample(int fftSize, int frameLength, double sampleRate, double targetRate, int maxLag)
    {
        double ratio = targetRate / sampleRate;
        double period = fftSize * ratio;
        int p = (int)Math.Round(period);
        if (Math.Abs(period - p) > 1e-9 || p < 1)
            throw new ArgumentException($"FFT size {fftSize} at {targetRate / sampleRate} of the rate gives a period of {period} samples; it must be an integer.");
        _maxLag = maxLag;
        _outLength = (int)Math.Round(frameLength * ratio);
        if (_outLength > p || _outLength <= maxLag)
            throw new ArgumentException($"Frame of {frameLength} samples gives {_outLength} output samples; need more than {maxLag} and at most {p}.");
        _bins = Math.Min(_outLength / 2, fftSize / 2 + 1);
        _n2 = p & -p; // largest power of two dividing P
        _n1 = p / _n2;

        _twRe = new double[_bins * _n1];
        _twIm = new double[_bins * _n1];
        for (int k = 0; k < _bins; k++)
            for (int a = 0; a < _n1; a++)
            {
                double ph = 2 * Math.PI * ((long)k * a % p) / p;
                _twRe[k * _n1 + a] = Math.Cos(ph);
                _twIm[k * _n1 + a] = Math.Sin(ph);
            }
        _fftCos = new double[Math.Max(1, _n2 / 2)];
        _fftSin = new double[_fftCos.Length];
        for (int j = 0; j < _n2 / 2; j++)
        {
            _fftCos[j] = Math.Cos(2 * Math.PI * j / _n2);
            _fftSin[j] = Math.Sin(2 * Math.PI * j / _n2);
        }
        int bits = System.Numerics.BitOperations.Log2((uint)_n2);
        _bitReverse = new int[_n2];
        for (int i = 0; i < _n2; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _bitReverse[i] = r;
        }
        _aRe = new double[_n1 * _n2];
        _aIm = new double[_n1 * _n2];
        _y = new float[_outLength];
    }

    /// <summary>Samples in the resampled frame (M).</summary>
    public int OutputLength => _outLength;

    /// <summary>Bins used (K).</summary>
    public int Bins => _bins;

    /// <summary>The resampled frame y[0..M), rounded to float32, from the one-sided spectrum re/im (at least K bins).</summary>
    public unsafe void Resample(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<float> y)
    {
        if (re.Length < _bins || im.Length < _bins) throw new ArgumentException($"The spectrum needs {_bins} bins.");
        if (y.Length < _outLength) throw new ArgumentException($"The output needs {_outLength} samples.", nameof(y));
        int n1Count = _n1, n2Count = _n2, bins = _bins, outLength = _outLength;
        fixed (double* xRe = re, xIm = im, twRe = _twRe, twIm = _twIm, aRe = _aRe, aIm = _aIm, fc = _fftCos, fs = _fftSin)
        fixed (int* bitReverse = _bitReverse)
        fixed (float* yp = y)
        {
            new Span<double>(aRe, n1Count * n2Count).Clear();
            new Span<double>(aIm, n1Count * n2Count).Clear();
            // With k = N2 k1 + k2 and n = n1 + N1 n2: y[n] = Re sum_k2 exp(2 pi i k2 n2 / N2) A[n1, k2],
            // A[n1, k2] = sum_k1 X[k] exp(2 pi i k n1 / P); A is stored [k2 bit-reversed, n1].
            for (int k = 0; k < bins; k++)
            {
                double xr = xRe[k], xi = xIm[k];
                double* c = twRe + k * n1Count, sn = twIm + k * n1Count;
                double* ar = aRe + bitReverse[k & (n2Count - 1)] * n1Count;
                double* ai = aIm + bitReverse[k & (n2Count - 1)] * n1Count;
                for (int a = 0; a < n1Count; a++)
                {
                    ar[a] += xr * c[a] - xi * sn[a];
                    ai[a] += xr * sn[a] + xi * c[a];
                }
            }
            // N1 inverse radix-2 FFTs over k2 at once (stride N1), natural order out.
            for (int size = 2; size <= n2Count; size <<= 1)
            {
                int half = size >> 1;
                int step = n2Count / size;
                for (int start = 0; start < n2Count; start += size)
                    for (int j = 0; j < half; j++)
                    {
                        double wr = fc[j * step], wi = fs[j * step];
                        double* ur = aRe + (start + j) * n1Count, ui = aIm + (start + j) * n1Count;
                        double* vr = ur + half * n1Count, vi = ui + half * n1Count;
                        for (int a = 0; a < n1Count; a++)
                        {
                            double tr = vr[a] * wr - vi[a] * wi;
                            double ti = vr[a] * wi + vi[a] * wr;
                            vr[a] = ur[a] - tr; vi[a] = ui[a] - ti;
                            ur[a] += tr; ui[a] += ti;
                        }
                    }
            }
            // y[n1 + N1 n2] = Re A[n2, n1]: the first M entries in row-major order.
            for (int n = 0; n < outLength; n++) yp[n] = (float)aRe[n];
        }
    }

    /// <summary>r[m] = sum_n y[n] y[n+m], m = 0..maxLag, of the float32 frame y, summed in float32 in ascending n.</summary>
    public void Autocorrelation(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<float> r)
    {
        var y = _y;
        Resample(re, im, y);
        int lags = _maxLag + 1;
        Span<float> acc = stackalloc float[lags];
        acc.Clear();
        // Lags interleaved (independent float chains), each still summed in ascending n.
        for (int n = 0; n < y.Length; n++)
        {
            float yn = y[n];
            int top = Math.Min(n, _maxLag);
            for (int m = 0; m <= top; m++) acc[m] += y[n - m] * yn;
        }
        acc.CopyTo(r);
    }
}
