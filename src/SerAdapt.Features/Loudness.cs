namespace SerAdapt.Features;

/// <summary>
/// pcm_loudness of openSMILE's cIntensity as it really behaves (pitfall P1, audeering/opensmile#51):
/// the Hamming-weighted energy sums only the first sample of the raw frame, so
/// L = (w[0] x[0]^2 / sum(w) / 1e-6)^0.3 with w[0] = 0.54 - 0.46 = 0.08. Everything is double
/// (the window weights too, <see cref="Windows.HammingWeight"/>, not the float32 window of the FFT
/// path) and only L is rounded to float32: that equals openSMILE's values bit for bit.
/// </summary>
public sealed class Loudness
{
    private const double ReferenceIntensity = 1e-6;
    private const double Exponent = 0.3;
    private readonly double _first;
    private readonly double _sum;

    /// <param name="frameLength">Samples per frame (the Hamming window's length).</param>
    public Loudness(int frameLength)
    {
        _first = Windows.HammingWeight(0, frameLength);
        for (int i = 0; i < frameLength; i++) _sum += Windows.HammingWeight(i, frameLength);
    }

    /// <summary>The loudness of a frame whose first raw sample is <paramref name="firstSample"/>.</summary>
    public float Compute(float firstSample)
    {
        double intensity = (double)firstSample * firstSample * _first / _sum;
        return intensity > 0 ? (float)Math.Pow(intensity / ReferenceIntensity, Exponent) : 0f;
    }
}
