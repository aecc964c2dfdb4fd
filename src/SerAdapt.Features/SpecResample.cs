namespace SerAdapt.Features;

/// <summary>
/// Band-limited resampling of one frame through its spectrum (the role of openSMILE's cSpecResample
/// before the LPC): the output frame of round(N * targetFs / fs) samples is the inverse DFT of the
/// input bins up to the new Nyquist frequency. openSMILE's own variant differs in detail (its LPC
/// autocorrelations are a few percent off this one; see docs/features.md, "LLD parity").
/// </summary>
public sealed class SpecResample
{
    private readonly int _bins;
    private readonly int _outLength;
    private readonly float[] _cos; // [n, k]
    private readonly float[] _sin;

    public SpecResample(int fftSize, double sampleRate, double targetRate)
    {
        double ratio = targetRate / sampleRate;
        _outLength = (int)Math.Round(fftSize * ratio);
        _bins = Math.Min(fftSize / 2, _outLength / 2) + 1;
        _cos = new float[_outLength * _bins];
        _sin = new float[_outLength * _bins];
        for (int n = 0; n < _outLength; n++)
            for (int k = 0; k < _bins; k++)
            {
                double ph = 2 * Math.PI * k * n / _outLength;
                double c = (k == 0 || 2 * k == _outLength) ? 1.0 : 2.0;
                _cos[n * _bins + k] = (float)(c * Math.Cos(ph) / fftSize);
                _sin[n * _bins + k] = (float)(c * Math.Sin(ph) / fftSize);
            }
    }

    public int OutputLength => _outLength;

    public void Apply(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<float> output)
    {
        Span<float> r = stackalloc float[_bins];
        Span<float> i = stackalloc float[_bins];
        for (int k = 0; k < _bins; k++) { r[k] = (float)re[k]; i[k] = (float)im[k]; }
        for (int n = 0; n < _outLength; n++)
        {
            var c = new ReadOnlySpan<float>(_cos, n * _bins, _bins);
            var s = new ReadOnlySpan<float>(_sin, n * _bins, _bins);
            output[n] = System.Numerics.Tensors.TensorPrimitives.Dot(c, r) - System.Numerics.Tensors.TensorPrimitives.Dot(s, i);
        }
    }
}
