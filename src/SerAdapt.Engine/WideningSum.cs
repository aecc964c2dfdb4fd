using System.Numerics;

namespace SerAdapt.Engine;

/// <summary>
/// Column statistics of float rows accumulated in double (as PyTorch's CPU batch norm does):
/// a vector body that widens float lanes to double, and a scalar tail.
/// </summary>
internal static class WideningSum
{
    // acc[j] += x[j]
    public static void Add(ReadOnlySpan<float> x, Span<double> acc)
    {
        Check(x.Length, acc.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            int h = Vector<double>.Count;
            for (; i <= x.Length - w; i += w)
            {
                Vector.Widen(new Vector<float>(x[i..]), out var lo, out var hi);
                (new Vector<double>(acc[i..]) + lo).CopyTo(acc[i..]);
                (new Vector<double>(acc[(i + h)..]) + hi).CopyTo(acc[(i + h)..]);
            }
        }
        for (; i < x.Length; i++)
            acc[i] += x[i];
    }

    // acc[j] += (double)x[j] * y[j]
    public static void AddProduct(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<double> acc)
    {
        Check(x.Length, acc.Length);
        Check(y.Length, acc.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            int h = Vector<double>.Count;
            for (; i <= x.Length - w; i += w)
            {
                Vector.Widen(new Vector<float>(x[i..]), out var xlo, out var xhi);
                Vector.Widen(new Vector<float>(y[i..]), out var ylo, out var yhi);
                (new Vector<double>(acc[i..]) + xlo * ylo).CopyTo(acc[i..]);
                (new Vector<double>(acc[(i + h)..]) + xhi * yhi).CopyTo(acc[(i + h)..]);
            }
        }
        for (; i < x.Length; i++)
            acc[i] += (double)x[i] * y[i];
    }

    // acc[j] += (x[j] - mean[j])^2, in double
    public static void AddSquaredDeviation(ReadOnlySpan<float> x, ReadOnlySpan<double> mean, Span<double> acc)
    {
        Check(x.Length, acc.Length);
        Check(mean.Length, acc.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            int h = Vector<double>.Count;
            for (; i <= x.Length - w; i += w)
            {
                Vector.Widen(new Vector<float>(x[i..]), out var lo, out var hi);
                var dlo = lo - new Vector<double>(mean[i..]);
                var dhi = hi - new Vector<double>(mean[(i + h)..]);
                (new Vector<double>(acc[i..]) + dlo * dlo).CopyTo(acc[i..]);
                (new Vector<double>(acc[(i + h)..]) + dhi * dhi).CopyTo(acc[(i + h)..]);
            }
        }
        for (; i < x.Length; i++)
        {
            double d = x[i] - mean[i];
            acc[i] += d * d;
        }
    }

    private static void Check(int length, int accLength)
    {
        if (length != accLength)
            throw new ShapeMismatchException($"Column sum: a row of {length} values into {accLength} accumulators.");
    }
}
