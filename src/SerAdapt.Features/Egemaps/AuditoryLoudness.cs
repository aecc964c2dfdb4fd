namespace SerAdapt.Features.Egemaps;

/// <summary>
/// eGeMAPS loudness (openSMILE cPlp with only the auditory step, then the mean of the bands):
/// a[b] = (max(M[b], 9.3e-10) E(fc_b))^0.33 over the 26 mel band powers, with Hermanek's
/// equal-loudness curve E(w) = 1e32 (w^2 + 56.8e6) w^4 / ((w^2 + 6.3e6)^2 (w^2 + 0.38e9) (w^7 + 1.7e31)),
/// w = 2 pi fc, fc = the band's mel centre in Hz; loudness = sum a[b] / 26 (pitfall E8). The power
/// is float32 (MathF.Pow of the float product): loudness bit for bit on the debug level (double: 64 %).
/// </summary>
public sealed class AuditoryLoudness
{
    private const float BandFloor = 9.3e-10f;
    private const float Compression = 0.33f;
    private readonly float[] _weight;

    public AuditoryLoudness(int bands, double lowHz, double highHz)
    {
        _weight = new float[bands];
        float melLo = MelFilterbank.Mel(lowHz), melHi = MelFilterbank.Mel(highHz);
        float step = (melHi - melLo) / (bands + 1);
        for (int b = 0; b < bands; b++)
        {
            float centre = melLo + (b + 1) * step;
            double fc = 700.0 * (Math.Exp(centre / 1127.0) - 1.0);
            double w = 2 * Math.PI * fc, w2 = w * w;
            _weight[b] = (float)(1e32 * (w2 + 56.8e6) * w2 * w2 / ((w2 + 6.3e6) * (w2 + 6.3e6) * (w2 + 0.38e9) * (Math.Pow(w, 7) + 1.7e31)));
        }
    }

    /// <summary>The auditory spectrum of the band powers into <paramref name="auditory"/>; returns their mean (the loudness).</summary>
    public float Apply(ReadOnlySpan<float> melPower, Span<float> auditory)
    {
        float sum = 0;
        for (int b = 0; b < _weight.Length; b++)
        {
            float a = MathF.Pow(Math.Max(melPower[b], BandFloor) * _weight[b], Compression);
            auditory[b] = a;
            sum += a;
        }
        return sum / _weight.Length;
    }
}
