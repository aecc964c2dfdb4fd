namespace SerAdapt.Features;

/// <summary>
/// Band-limited resampling of one frame through its spectrum (the role of openSMILE's cSpecResample
/// before the LPC): the output frame of M = round(N * targetFs / fs) samples is the inverse DFT
/// of the input bins up to the new Nyquist frequency. The LPC needs only the autocorrelation
/// lags 0..p of that frame, so they are computed without building it: the circular
/// autocorrelation from the power spectrum, minus the wrap-around products of the first and
/// last p samples. openSMILE's own variant differs in detail (its LPC autocorrelations are a
/// few percent off this one; see docs/features.md, "LLD parity").
/// </summary>
public sealed class SpecResample
{
    private readonly int _fftSize;
    private readonly int _bins;
    private readonly int _outLength;
    private readonly int _maxLag;
    private readonly double[] _cosLag; // [lag, k]
    private readonly double[] _cosEdge; // [edge sample, k], scaled by c_k / N
    private readonly double[] _sinEdge;
    private readonly double[] _edge;

    public SpecResample(int fftSize, double sampleRate, double targetRate, int maxLag)
    {
        _fftSize = fftSize;
        _maxLag = maxLag;
        _outLength = (int)Math.Round(fftSize * targetRate / sampleRate);
        _bins = Math.Min(fftSize / 2, _outLength / 2) + 1;
        _cosLag = new double[(maxLag + 1) * _bins];
        for (int m = 0; m <= maxLag; m++)
            for (int k = 0; k < _bins; k++)
                _cosLag[m * _bins + k] = Weight(k) * Math.Cos(2 * Math.PI * k * m / _outLength);
        _cosEdge = new double[2 * maxLag * _bins];
        _sinEdge = new double[2 * maxLag * _bins];
        for (int e = 0; e < 2 * maxLag; e++)
        {
            int n = EdgeSample(e);
            for (int k = 0; k < _bins; k++)
            {
                double ph = 2 * Math.PI * k * n / _outLength;
                _cosEdge[e * _bins + k] = Weight(k) * Math.Cos(ph) / fftSize;
                _sinEdge[e * _bins + k] = Weight(k) * Math.Sin(ph) / fftSize;
            }
        }
        _edge = new double[2 * maxLag];
    }

    public int OutputLength => _outLength;

    /// <summary>r[m] = sum_n y[n] y[n+m], m = 0..maxLag, of the resampled frame y.</summary>
    public void Autocorrelation(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> r)
    {
        int nb = _bins;
        bool nyquist = 2 * (nb - 1) == _outLength;
        // Edge samples y[0..p) and y[M-p..M).
        for (int e = 0; e < 2 * _maxLag; e++)
        {
            double acc = 0;
            int o = e * nb;
            for (int k = 0; k < nb; k++)
            {
                double imk = nyquist && k == nb - 1 ? 0 : im[k]; // the Nyquist bin's sine term vanishes
                acc += _cosEdge[o + k] * re[k] - _sinEdge[o + k] * imk;
            }
            _edge[e] = acc;
        }
        double scale = (double)_outLength / ((double)_fftSize * _fftSize);
        for (int m = 0; m <= _maxLag; m++)
        {
            double acc = 0;
            int o = m * nb;
            for (int k = 0; k < nb; k++)
            {
                double p = nyquist && k == nb - 1 ? re[k] * re[k] : re[k] * re[k] + im[k] * im[k];
                acc += _cosLag[o + k] * p;
            }
            double circular = acc * scale;
            // Remove the products y[n] y[n+m-M] that wrap around the end.
            double wrap = 0;
            for (int n = _outLength - m; n < _outLength; n++)
                wrap += _edge[_maxLag + (n - (_outLength - _maxLag))] * _edge[n + m - _outLength];
            r[m] = circular - wrap;
        }
    }

    // Samples 0..p-1 and M-p..M-1 of the output frame.
    private int EdgeSample(int e) => e < _maxLag ? e : _outLength - 2 * _maxLag + e;

    // Bins 0 and M/2 appear once in the real inverse DFT, the others twice.
    private double Weight(int k) => k == 0 || 2 * k == _outLength ? 1.0 : 2.0;
}
