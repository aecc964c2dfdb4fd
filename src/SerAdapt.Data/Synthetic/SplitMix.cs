namespace SerAdapt.Data;

/// <summary>
/// A small seeded generator (SplitMix64) with Gaussian draws. Streams are keyed by (seed, stream,
/// index), so rows can be generated in parallel and still be identical for a seed.
/// </summary>
internal struct SplitMix
{
    private ulong _state;
    private double _spare;
    private bool _hasSpare;

    public SplitMix(int seed, int stream, int index)
    {
        _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)stream * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)index * 0x165667B19E3779F9UL;
        _state = NextULong(ref _state);
        _spare = 0;
        _hasSpare = false;
    }

    private static ulong NextULong(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong(ref _state) >> 11) * (1.0 / (1UL << 53));

    public int NextInt(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    /// <summary>Standard normal (Marsaglia polar method).</summary>
    public double NextGaussian()
    {
        if (_hasSpare) { _hasSpare = false; return _spare; }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * f;
        _hasSpare = true;
        return u * f;
    }
}
