namespace SerAdapt.Features;

/// <summary>
/// pcm_loudness of openSMILE's cIntensity as it really behaves (pitfall P1, audeering/opensmile#51):
/// the Hamming-weighted energy sums only the first sample of the raw 25 ms frame, so
/// L = (0.08 x[0]^2 / sum(hamming) / 1e-6)^0.3.
/// </summary>
public static class Loudness
{
    private const double ReferenceIntensity = 1e-6;

    public static float Compute(float firstSample, float hammingFirst, float hammingSum)
    {
        float intensity = firstSample * firstSample * hammingFirst / hammingSum;
        return intensity > 0 ? (float)Math.Pow(intensity / ReferenceIntensity, 0.3) : 0f;
    }
}
