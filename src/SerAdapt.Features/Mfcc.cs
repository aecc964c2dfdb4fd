namespace SerAdapt.Features;

/// <summary>
/// MFCC first..last from the mel band powers (openSMILE cMfcc, htkcompatible=0), with the
/// arithmetic that reproduces openSMILE's MFCCs bit for bit (found empirically from its debug
/// levels): float ln of the powers floored at 1e-8 (eGeMAPS: 1.0; MathF.Log), a float32 cosine table
/// cos(pi i (b + 0.5) / bands) rounded from double, the sum over b in float32 ascending, then one
/// multiplication by the float32 factor (float)sqrt(2/bands) x (1 + L/2 sin(pi i / L)) (lifter
/// L = 22; sqrt(2/bands) applies to c0 as well).
/// </summary>
public sealed class Mfcc
{
    private readonly float[] _cosines; // [coeff, band]
    private readonly float[] _factors; // per coeff
    private readonly int _bands;
    private readonly float[] _log;
    private readonly float _floor;

    public Mfcc(int bands = 26, int first = 0, int last = 14, double lifter = 22, float floor = 1e-8f)
    {
        _floor = floor;
        _bands = bands;
        Count = last - first + 1;
        _cosines = new float[Count * bands];
        _factors = new float[Count];
        _log = new float[bands];
        float scale = (float)Math.Sqrt(2.0 / bands);
        for (int c = 0; c < Count; c++)
        {
            int i = first + c;
            float lift = lifter > 0 ? (float)(1.0 + lifter / 2.0 * Math.Sin(Math.PI * i / lifter)) : 1f;
            _factors[c] = scale * lift;
            for (int b = 0; b < bands; b++)
                _cosines[c * bands + b] = (float)Math.Cos(Math.PI * i * (b + 0.5) / bands);
        }
    }

    public int Count { get; }

    public void Apply(ReadOnlySpan<float> melPower, Span<float> mfcc)
    {
        for (int b = 0; b < _bands; b++) _log[b] = MathF.Log(Math.Max(melPower[b], _floor));
        for (int c = 0; c < Count; c++)
        {
            float acc = 0;
            int o = c * _bands;
            for (int b = 0; b < _bands; b++) acc += _cosines[o + b] * _log[b];
            mfcc[c] = acc * _factors[c];
        }
    }
}
