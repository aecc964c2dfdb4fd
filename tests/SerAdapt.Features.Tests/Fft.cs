namespace SerAdapt.Features.Tests;

/// <summary>
/// The tests' double-precision reference DFT (the extractor itself uses <see cref="OouraSplitRadixFft"/>, openSMILE's float32 arithmetic):
/// radix-2 FFT of a real sequence of power-of-two length N, computed as an N/2-point complex FFT
/// plus one split pass. Twiddles and the bit-reversal table are built once per size; an instance
/// is not thread-safe (it owns a scratch buffer), so use one per thread.
/// </summary>
public sealed class Fft
{
    private readonly int _n;
    private readonly int _half;
    private readonly int[] _bitReverse;
    private readonly double[] _cos;     // cos(2 pi k / half), k < half/2
    private readonly double[] _sin;
    private readonly double[] _splitCos; // cos(2 pi k / n), k <= half
    private readonly double[] _splitSin;
    private readonly double[] _re;
    private readonly double[] _im;

    public Fft(int n)
    {
        if (n < 4 || (n & (n - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, "FFT length must be a power of two >= 4.");
        _n = n;
        _half = n / 2;
        int bits = System.Numerics.BitOperations.Log2((uint)_half);
        _bitReverse = new int[_half];
        for (int i = 0; i < _half; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            _bitReverse[i] = r;
        }
        _cos = new double[Math.Max(1, _half / 2)];
        _sin = new double[_cos.Length];
        for (int k = 0; k < _half / 2; k++)
        {
            _cos[k] = Math.Cos(2 * Math.PI * k / _half);
            _sin[k] = Math.Sin(2 * Math.PI * k / _half);
        }
        _splitCos = new double[_half + 1];
        _splitSin = new double[_half + 1];
        for (int k = 0; k <= _half; k++)
        {
            _splitCos[k] = Math.Cos(2 * Math.PI * k / n);
            _splitSin[k] = Math.Sin(2 * Math.PI * k / n);
        }
        _re = new double[_half];
        _im = new double[_half];
    }

    public int Length => _n;

    /// <summary>X[k] = sum x[t] exp(-2 pi i k t / N), k = 0..N/2 (re/im must hold N/2+1 values).</summary>
    public void Forward(ReadOnlySpan<float> x, Span<double> re, Span<double> im)
    {
        if (x.Length != _n) throw new ArgumentException($"FFT input has {x.Length} samples, expected {_n}.", nameof(x));
        if (re.Length < _half + 1 || im.Length < _half + 1)
            throw new ArgumentException($"FFT output needs {_half + 1} bins.");
        var zr = _re;
        var zi = _im;
        for (int i = 0; i < _half; i++)
        {
            int j = _bitReverse[i];
            zr[j] = x[2 * i];
            zi[j] = x[2 * i + 1];
        }
        for (int size = 2; size <= _half; size <<= 1)
        {
            int halfSize = size >> 1;
            int step = _half / size;
            for (int start = 0; start < _half; start += size)
            {
                for (int k = 0; k < halfSize; k++)
                {
                    double wr = _cos[k * step], wi = -_sin[k * step];
                    int a = start + k, b = a + halfSize;
                    double tr = zr[b] * wr - zi[b] * wi;
                    double ti = zr[b] * wi + zi[b] * wr;
                    zr[b] = zr[a] - tr; zi[b] = zi[a] - ti;
                    zr[a] += tr; zi[a] += ti;
                }
            }
        }
        // Split: E[k] = (Z[k] + conj Z[h-k]) / 2, O[k] = (Z[k] - conj Z[h-k]) / 2i, X[k] = E + W^k O.
        re[0] = zr[0] + zi[0]; im[0] = 0;
        re[_half] = zr[0] - zi[0]; im[_half] = 0;
        for (int k = 1; k < _half; k++)
        {
            int m = _half - k;
            double er = 0.5 * (zr[k] + zr[m]), ei = 0.5 * (zi[k] - zi[m]);
            double or = 0.5 * (zi[k] + zi[m]), oi = -0.5 * (zr[k] - zr[m]);
            double c = _splitCos[k], s = -_splitSin[k];
            re[k] = er + or * c - oi * s;
            im[k] = ei + or * s + oi * c;
        }
    }
}
