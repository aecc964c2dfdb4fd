using System.Numerics;

namespace SerAdapt.Features.Egemaps;

/// <summary>
/// Formant frequencies and bandwidths from LPC coefficients (the role of openSMILE's cFormantLpc),
/// as the reference describes it (S8, pitfall E4): the roots of z^p - a_1 z^(p-1) - ... - a_p (the
/// LPC polynomial with the signs of a_k flipped), roots outside the unit circle reflected to
/// 1/conj(r), those with Im &gt;= 0 kept; f = |arg r| fs / (2 pi), bandwidth = -ln|r| fs / pi; the
/// frequencies within [minHz, maxHz] ascending, padded with 0. Double inside, float32 out.
/// The roots come from Aberth-Ehrlich iteration, polished by Newton steps.
/// </summary>
public sealed class FormantLpc
{
    private readonly double _sampleRate;
    private readonly double _minHz;
    private readonly double _maxHz;
    private readonly Complex[] _roots;
    private readonly double[] _poly;
    private readonly double[] _freq;
    private readonly double[] _bw;

    public FormantLpc(int order, double sampleRate, double minHz = 50, double maxHz = 5450)
    {
        _sampleRate = sampleRate;
        _minHz = minHz;
        _maxHz = maxHz;
        _roots = new Complex[order];
        _poly = new double[order + 1];
        _freq = new double[order];
        _bw = new double[order];
    }

    /// <summary>Writes up to frequencies.Length formants (ascending, 0-padded) and their bandwidths.</summary>
    public void Apply(ReadOnlySpan<float> lpc, Span<float> frequencies, Span<float> bandwidths)
    {
        int p = lpc.Length;
        _poly[0] = 1;
        for (int k = 1; k <= p; k++) _poly[k] = -(double)lpc[k - 1];
        Polynomial.Roots(_poly, _roots);
        int found = 0;
        foreach (var root in _roots)
        {
            var r = root.Magnitude > 1 ? 1 / Complex.Conjugate(root) : root;
            if (r.Imaginary < 0) continue;
            double f = Math.Abs(Math.Atan2(r.Imaginary, r.Real)) * _sampleRate / (2 * Math.PI);
            if (f < _minHz || f > _maxHz) continue;
            double bw = -Math.Log(r.Magnitude) * _sampleRate / Math.PI;
            int pos = found++;
            while (pos > 0 && _freq[pos - 1] > f) { _freq[pos] = _freq[pos - 1]; _bw[pos] = _bw[pos - 1]; pos--; }
            _freq[pos] = f;
            _bw[pos] = bw;
        }
        frequencies.Clear();
        bandwidths.Clear();
        for (int i = 0; i < Math.Min(found, frequencies.Length); i++)
        {
            frequencies[i] = (float)_freq[i];
            bandwidths[i] = (float)_bw[i];
        }
    }
}
