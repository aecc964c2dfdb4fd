namespace SerAdapt.Features;

/// <summary>
/// pcm_loudness of openSMILE's cIntensity as it really behaves (pitfall P1, audeering/opensmile#51):
/// the Hamming-weighted energy sums only the first sample of the raw 25 ms frame, so
/// L = (w[0] x[0]^2 / sum(w) / 1e-6)^0.3 with w[0] = 0.54 - 0.46 = 0.08. Everything is double
/// (the window weights too, not the float32 window of the FFT path) and only L is rounded to
/// float32: that equals openSMILE's values bit for bit.
/// </summary>
public static class Loudness
{
    private const double ReferenceIntensity = 1e-6;
    private const double Exponent = 0.3;
    // w[0] = 0.54 - 0.46 cos(0) in double: 0.08000000000000002, not (float)0.08.
    private const double HammingFirst = 0.54 - 0.46;

    /// <summary>The sum of the double Hamming window (<see cref="Windows.HammingWeight"/>), n = 0..N-1.</summary>
    public static double HammingSum(int frameLength)
    {
        double sum = 0;
        for (int i = 0; i < frameLength; i++) sum += Windows.HammingWeight(i, frameLength);
        return sum;
    }

    public static float Compute(float firstSample, double hammingSum)
    {
        double intensity = (double)firstSample * firstSample * HammingFirst / hammingSum;
        return intensity > 0 ? (float)Math.Pow(intensity / ReferenceIntensity, Exponent) : 0f;
    }
}
