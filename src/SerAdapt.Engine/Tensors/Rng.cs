namespace SerAdapt.Engine;

/// <summary>
/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64). One seed gives the
/// whole run: <see cref="Child"/> derives an independent stream from this generator's seed and a
/// name only (not from how many numbers were drawn), so adding a consumer never shifts the others.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public Rng(ulong seed)
    {
        Seed = seed;
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The seed this generator was created from; children are derived from it.</summary>
    public ulong Seed { get; }

    /// <summary>A generator for one named consumer ("init", "shuffle", "dropout", ...).</summary>
    public Rng Child(string name)
    {
        // FNV-1a over the UTF-16 code units, then mixed with the parent seed.
        ulong h = 14695981039346656037UL;
        foreach (char ch in name)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }
        ulong x = Seed ^ (h * 0x9E3779B97F4A7C15UL);
        return new Rng(SplitMix64(ref x));
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1) with 24 random bits (every value exactly representable).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform integer in [0, maxExclusive), without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        ulong range = (ulong)maxExclusive;
        UInt128 m = (UInt128)(NextUInt64() >> 32) * range;
        ulong low = (ulong)m & 0xFFFFFFFFUL;
        if (low < range)
        {
            ulong threshold = ((1UL << 32) - range) % range;
            while (low < threshold)
            {
                m = (UInt128)(NextUInt64() >> 32) * range;
                low = (ulong)m & 0xFFFFFFFFUL;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>Standard normal (Box-Muller in double precision).</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = r * Math.Sin(2.0 * Math.PI * u2);
        _hasSpareNormal = true;
        return r * Math.Cos(2.0 * Math.PI * u2);
    }

    public void FillUniform(Span<float> values, float low, float high)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(low + (high - low) * NextDouble());
    }

    public void FillNormal(Span<float> values, float mean, float std)
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(mean + std * NextNormal());
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher-Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        Permutation(p);
        return p;
    }

    /// <summary>Fills <paramref name="p"/> with a random permutation of 0 .. p.Length - 1 (the same as <see cref="Permutation(int)"/>).</summary>
    public void Permutation(Span<int> p)
    {
        for (int i = 0; i < p.Length; i++)
            p[i] = i;
        Shuffle(p);
    }

    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
