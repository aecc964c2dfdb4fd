namespace SerAdapt.Features;

/// <summary>
/// MFCC 0..14 from 26 mel band powers (openSMILE cMfcc, htkcompatible=0): ln with floor 1e-8,
/// DCT-II scaled by sqrt(2/26) for every coefficient (c0 included), lifter 1 + 11 sin(pi i / 22).
/// </summary>
public sealed class Mfcc
{
    private const float MelFloor = 1e-8f;
    private readonly double[] _basis; // [coeff, band]
    private readonly int _bands;
    private readonly double[] _log;

    public Mfcc(int bands = 26, int first = 0, int last = 14, double lifter = 22)
    {
        _bands = bands;
        Count = last - first + 1;
        _basis = new double[Count * bands];
        _log = new double[bands];
        double scale = Math.Sqrt(2.0 / bands);
        for (int c = 0; c < Count; c++)
        {
            int i = first + c;
            double lift = 1.0 + lifter / 2.0 * Math.Sin(Math.PI * i / lifter);
            for (int b = 0; b < bands; b++)
                _basis[c * bands + b] = scale * lift * Math.Cos(Math.PI * i * (b + 0.5) / bands);
        }
    }

    public int Count { get; }

    public void Apply(ReadOnlySpan<float> melPower, Span<float> mfcc)
    {
        for (int b = 0; b < _bands; b++) _log[b] = Math.Log(Math.Max(melPower[b], MelFloor));
        for (int c = 0; c < Count; c++)
        {
            double acc = 0;
            int o = c * _bands;
            for (int b = 0; b < _bands; b++) acc += _basis[o + b] * _log[b];
            mfcc[c] = (float)acc;
        }
    }
}
