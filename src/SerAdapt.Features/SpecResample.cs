using System.Numerics;
using System.Runtime.InteropServices;

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
/// 38.5..313.5 of it, so its end is cut). The sum runs in float32 exactly as openSMILE's (with
/// Lpc, its LPC debug level prints digit for digit; docs/features-lld.md): float32 tables
/// cos/sin(2 pi (k n mod P) / P) rounded from double, and for k = 0, 1, ... the two products
/// added one after the other, y += Re X cos, then y -= Im X sin. Like openSMILE, the frame's
/// autocorrelation is summed in float32, in ascending n.
/// </summary>
public sealed class SpecResample
{
    private readonly int _bins;
    private readonly int _outLength;
    private readonly int _maxLag;
    private readonly float[] _cos; // [k * M + n] = cos(2 pi (k n mod P) / P)
    private readonly float[] _sin;
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
        _cos = new float[_bins * _outLength];
        _sin = new float[_bins * _outLength];
        for (int k = 0; k < _bins; k++)
            for (int n = 0; n < _outLength; n++)
            {
                double ph = 2 * Math.PI * ((long)k * n % p) / p;
                _cos[k * _outLength + n] = (float)Math.Cos(ph);
                _sin[k * _outLength + n] = (float)Math.Sin(ph);
            }
        _y = new float[_outLength];
    }

    /// <summary>Samples in the resampled frame (M).</summary>
    public int OutputLength => _outLength;

    /// <summary>Bins used (K).</summary>
    public int Bins => _bins;

    /// <summary>The resampled frame y[0..M) from the one-sided spectrum re/im (usual sign, at least K bins).</summary>
    public void Resample(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> y)
    {
        if (re.Length < _bins || im.Length < _bins) throw new ArgumentException($"The spectrum needs {_bins} bins.");
        if (y.Length < _outLength) throw new ArgumentException($"The output needs {_outLength} samples.", nameof(y));
        int m = _outLength;
        var yy = y[..m];
        yy.Clear();
        int width = Vector<float>.Count;
        int vectorEnd = m - m % width;
        var yv = MemoryMarshal.Cast<float, Vector<float>>(yy[..vectorEnd]);
        for (int k = 0; k < _bins; k++)
        {
            float xr = re[k], xi = im[k];
            var c = _cos.AsSpan(k * m, m);
            var s = _sin.AsSpan(k * m, m);
            // Two separately rounded float32 updates per bin (no fused multiply-add), lane by lane
            // the same as the scalar tail.
            var cv = MemoryMarshal.Cast<float, Vector<float>>(c[..vectorEnd]);
            var sv = MemoryMarshal.Cast<float, Vector<float>>(s[..vectorEnd]);
            var vr = new Vector<float>(xr);
            var vi = new Vector<float>(xi);
            for (int i = 0; i < yv.Length; i++)
            {
                var acc = yv[i] + vr * cv[i];
                yv[i] = acc - vi * sv[i];
            }
            for (int n = vectorEnd; n < m; n++)
            {
                float acc = yy[n] + xr * c[n];
                yy[n] = acc - xi * s[n];
            }
        }
    }

    /// <summary>r[m] = sum_n y[n] y[n+m], m = 0..maxLag, of the float32 frame y, summed in float32 in ascending n.</summary>
    public void Autocorrelation(ReadOnlySpan<float> re, ReadOnlySpan<float> im, Span<float> r)
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
