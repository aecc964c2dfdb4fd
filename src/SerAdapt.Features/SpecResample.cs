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
/// the K bins, then N1 radix-2 FFTs of N2 points, in double.
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
    private readonly double[] _aRe; // [n1, k2]
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
    public void Resample(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<float> y)
    {
        int n1Count = _n1, n2Count = _n2;
        var aRe = _aRe;
        var aIm = _aIm;
        Array.Clear(aRe);
        Array.Clear(aIm);
        // With k = N2 k1 + k2 and n = n1 + N1 n2: y[n] = Re sum_k2 exp(2 pi i k2 n2 / N2) A[n1, k2],
        // A[n1, k2] = sum_k1 X[k] exp(2 pi i k n1 / P). Bit-reversed k2 order feeds the FFT below.
        for (int k = 0; k < _bins; k++)
        {
            double xr = re[k], xi = im[k];
            int row = _bitReverse[k & (n2Count - 1)];
            int t = k * n1Count;
            for (int a = 0; a < n1Count; a++)
            {
                double c = _twRe[t + a], s = _twIm[t + a];
                aRe[a * n2Count + row] += xr * c - xi * s;
                aIm[a * n2Count + row] += xr * s + xi * c;
            }
        }
        for (int a = 0; a < n1Count; a++)
        {
            var zr = aRe.AsSpan(a * n2Count, n2Count);
            var zi = aIm.AsSpan(a * n2Count, n2Count);
            for (int size = 2; size <= n2Count; size <<= 1)
            {
                int half = size >> 1;
                int step = n2Count / size;
                for (int start = 0; start < n2Count; start += size)
                    for (int j = 0; j < half; j++)
                    {
                        double wr = _fftCos[j * step], wi = _fftSin[j * step];
                        int u = start + j, v = u + half;
                        double tr = zr[v] * wr - zi[v] * wi;
                        double ti = zr[v] * wi + zi[v] * wr;
                        zr[v] = zr[u] - tr; zi[v] = zi[u] - ti;
                        zr[u] += tr; zi[u] += ti;
                    }
            }
            for (int b = 0, n = a; n < _outLength; b++, n += n1Count) y[n] = (float)zr[b];
        }
    }

    /// <summary>r[m] = sum_n y[n] y[n+m], m = 0..maxLag, of the float32 frame y, summed in float32 in ascending n.</summary>
    public void Autocorrelation(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<float> r)
    {
        var y = _y;
        Resample(re, im, y);
        for (int m = 0; m <= _maxLag; m++)
        {
            float acc = 0;
            for (int n = m; n < y.Length; n++) acc += y[n - m] * y[n];
            r[m] = acc;
        }
    }
}
