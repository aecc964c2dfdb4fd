using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SerAdapt.Engine;

/// <summary>
/// Column statistics of float rows accumulated in double (as PyTorch's CPU batch norm does):
/// a vector body that widens float lanes to double, and a scalar tail. Every element gets the same
/// double operations in either path, so the vector width does not change any sum.
/// </summary>
internal static class WideningSum
{
    // acc[j] += x[j]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<float> x, Span<double> acc)
    {
        Check(x.Length, acc.Length);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double ar = ref MemoryMarshal.GetReference(acc);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= x.Length - 16; i += 16)
            {
                var v = Vector512.LoadUnsafe(ref xr, (nuint)i);
                (Vector512.LoadUnsafe(ref ar, (nuint)i) + Vector512.WidenLower(v)).StoreUnsafe(ref ar, (nuint)i);
                (Vector512.LoadUnsafe(ref ar, (nuint)i + 8) + Vector512.WidenUpper(v)).StoreUnsafe(ref ar, (nuint)i + 8);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= x.Length - 8; i += 8)
            {
                var v = Vector256.LoadUnsafe(ref xr, (nuint)i);
                (Vector256.LoadUnsafe(ref ar, (nuint)i) + Vector256.WidenLower(v)).StoreUnsafe(ref ar, (nuint)i);
                (Vector256.LoadUnsafe(ref ar, (nuint)i + 4) + Vector256.WidenUpper(v)).StoreUnsafe(ref ar, (nuint)i + 4);
            }
        }
        for (; i < x.Length; i++)
            acc[i] += x[i];
    }

    // sum[j] += x[j]; prod[j] += (double)x[j] * y[j]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddWithProduct(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<double> sum, Span<double> prod)
    {
        Check(x.Length, sum.Length);
        Check(y.Length, sum.Length);
        Check(prod.Length, sum.Length);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref double sr = ref MemoryMarshal.GetReference(sum);
        ref double pr = ref MemoryMarshal.GetReference(prod);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= x.Length - 16; i += 16)
            {
                var xv = Vector512.LoadUnsafe(ref xr, (nuint)i);
                var yv = Vector512.LoadUnsafe(ref yr, (nuint)i);
                Vector512<double> xlo = Vector512.WidenLower(xv), xhi = Vector512.WidenUpper(xv);
                (Vector512.LoadUnsafe(ref sr, (nuint)i) + xlo).StoreUnsafe(ref sr, (nuint)i);
                (Vector512.LoadUnsafe(ref sr, (nuint)i + 8) + xhi).StoreUnsafe(ref sr, (nuint)i + 8);
                (Vector512.LoadUnsafe(ref pr, (nuint)i) + xlo * Vector512.WidenLower(yv)).StoreUnsafe(ref pr, (nuint)i);
                (Vector512.LoadUnsafe(ref pr, (nuint)i + 8) + xhi * Vector512.WidenUpper(yv)).StoreUnsafe(ref pr, (nuint)i + 8);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= x.Length - 8; i += 8)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
                var yv = Vector256.LoadUnsafe(ref yr, (nuint)i);
                Vector256<double> xlo = Vector256.WidenLower(xv), xhi = Vector256.WidenUpper(xv);
                (Vector256.LoadUnsafe(ref sr, (nuint)i) + xlo).StoreUnsafe(ref sr, (nuint)i);
                (Vector256.LoadUnsafe(ref sr, (nuint)i + 4) + xhi).StoreUnsafe(ref sr, (nuint)i + 4);
                (Vector256.LoadUnsafe(ref pr, (nuint)i) + xlo * Vector256.WidenLower(yv)).StoreUnsafe(ref pr, (nuint)i);
                (Vector256.LoadUnsafe(ref pr, (nuint)i + 4) + xhi * Vector256.WidenUpper(yv)).StoreUnsafe(ref pr, (nuint)i + 4);
            }
        }
        for (; i < x.Length; i++)
        {
            sum[i] += x[i];
            prod[i] += (double)x[i] * y[i];
        }
    }

    // acc[j] += (x[j] - mean[j])^2, in double
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddSquaredDeviation(ReadOnlySpan<float> x, ReadOnlySpan<double> mean, Span<double> acc)
    {
        Check(x.Length, acc.Length);
        Check(mean.Length, acc.Length);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref double mr = ref MemoryMarshal.GetReference(mean);
        ref double ar = ref MemoryMarshal.GetReference(acc);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= x.Length - 16; i += 16)
            {
                var v = Vector512.LoadUnsafe(ref xr, (nuint)i);
                var dlo = Vector512.WidenLower(v) - Vector512.LoadUnsafe(ref mr, (nuint)i);
                var dhi = Vector512.WidenUpper(v) - Vector512.LoadUnsafe(ref mr, (nuint)i + 8);
                (Vector512.LoadUnsafe(ref ar, (nuint)i) + dlo * dlo).StoreUnsafe(ref ar, (nuint)i);
                (Vector512.LoadUnsafe(ref ar, (nuint)i + 8) + dhi * dhi).StoreUnsafe(ref ar, (nuint)i + 8);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= x.Length - 8; i += 8)
            {
                var v = Vector256.LoadUnsafe(ref xr, (nuint)i);
                var dlo = Vector256.WidenLower(v) - Vector256.LoadUnsafe(ref mr, (nuint)i);
                var dhi = Vector256.WidenUpper(v) - Vector256.LoadUnsafe(ref mr, (nuint)i + 4);
                (Vector256.LoadUnsafe(ref ar, (nuint)i) + dlo * dlo).StoreUnsafe(ref ar, (nuint)i);
                (Vector256.LoadUnsafe(ref ar, (nuint)i + 4) + dhi * dhi).StoreUnsafe(ref ar, (nuint)i + 4);
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
