namespace SerAdapt.Features.Egemaps;

/// <summary>
/// openSMILE cSpectral on the 257-bin magnitude spectrum of the 20 ms frame (31.25 Hz bins) as
/// eGeMAPS configures it: alpha ratio, Hammarberg index and the two log-spectral slopes on the
/// power P = |X|^2 (float32), and the spectral flux on the magnitude. Pitfalls E5, E6 of the
/// reference: float32 band sums; maxima for Hammarberg; the least-squares slope divides with
/// n = (bins - 1), not the point count; the flux stops below 5 kHz (bins 0..159).
/// </summary>
public sealed class SpectralShape
{
    private const float Floor = 1e-14f;
    private const int AlphaSplit = 32;    // 1000 Hz: first bin of the upper band
    private const int HammarbergSplit = 64; // 2000 Hz
    private const int Top = 160;          // 5000 Hz, included for alpha/Hammarberg
    private const double BinHz = 31.25;
    private readonly float[] _previous = new float[Top];
    private bool _hasPrevious;

    /// <summary>Forgets the previous frame (the flux of the next frame is 0).</summary>
    public void Reset() => _hasPrevious = false;

    /// <summary>slope0-500, slope500-1500, alphaRatio, hammarbergIndex of one frame.</summary>
    public static void Shape(ReadOnlySpan<float> magnitude, out float slope0, out float slope1, out float alpha, out float hammarberg)
    {
        float lo = 0, hi = 0, maxLo = 0, maxHi = 0;
        for (int k = 0; k <= Top; k++)
        {
            float p = magnitude[k] * magnitude[k];
            if (k < AlphaSplit) lo += p; else hi += p;
            if (k < HammarbergSplit) { if (p > maxLo) maxLo = p; }
            else if (p > maxHi) maxHi = p;
        }
        alpha = Ratio(hi, lo);
        hammarberg = Ratio(maxLo, maxHi);
        slope0 = Slope(magnitude, 0, 16);
        slope1 = Slope(magnitude, 16, 48);
    }

    // 10 log10 x as openSMILE's log spectrum computes it: float ln x times the float factor
    // 10 / ln 10 (bit-exact slopes on the librivox_0880 debug level; 10 log10 in double: 46 %).
    private static readonly float s_dbPerNeper = (float)(10.0 / Math.Log(10));

    private static float Db(float x) => (float)Math.Log(x) * s_dbPerNeper;

    // 10 log10(num / den): 0 when den is 0, the numerator floored at 1e-14.
    private static float Ratio(float num, float den)
    {
        if (den == 0) return 0;
        if (num <= Floor) num = Floor;
        return (float)(10.0 * Math.Log10(num / den));
    }

    // Least-squares slope (dB/Hz) of 10 log10 P over bins first..last, with n = last - first (E5).
    private static float Slope(ReadOnlySpan<float> magnitude, int first, int last)
    {
        double sf = 0, sy = 0, sff = 0, sfy = 0;
        for (int k = first; k <= last; k++)
        {
            float p = magnitude[k] * magnitude[k];
            double y = p > Floor ? Db(p) : -140.0;
            double f = k * BinHz;
            sf += f; sy += y; sff += f * f; sfy += f * y;
        }
        double n = last - first;
        return (float)((n * sfy - sf * sy) / (n * sff - sf * sf));
    }

    /// <summary>sqrt(sum_k (|X_t[k]| - |X_t-1[k]|)^2 / 160) over bins 0..159; 0 for the first frame.</summary>
    public float Flux(ReadOnlySpan<float> magnitude)
    {
        float flux = 0;
        if (_hasPrevious)
        {
            float sum = 0;
            for (int k = 0; k < Top; k++)
            {
                float d = magnitude[k] - _previous[k];
                sum += d * d;
            }
            flux = MathF.Sqrt(sum / Top);
        }
        magnitude[..Top].CopyTo(_previous);
        _hasPrevious = true;
        return flux;
    }
}
