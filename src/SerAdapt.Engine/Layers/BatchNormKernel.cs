using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SerAdapt.Engine;

/// <summary>
/// BatchNorm1d's per-row element-wise passes in one loop each (the batch is 64 rows of a range of
/// columns, so one call per row and operation would cost more than the arithmetic). Subtraction
/// and multiplication round once, and the multiply-adds are fused in every path, so the vector
/// width does not change any value.
/// </summary>
internal static class BatchNormKernel
{
    // xhat = (x - shift) * invStd; y = fma(xhat, gamma, beta)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalize(ReadOnlySpan<float> x, ReadOnlySpan<float> shift, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> xhat, Span<float> y)
    {
        int n = x.Length;
        if (shift.Length != n || invStd.Length != n || gamma.Length != n || beta.Length != n || xhat.Length != n || y.Length != n)
            throw new ShapeMismatchException($"BatchNorm1d: a row of {n} values with parameters of {shift.Length}, {invStd.Length}, {gamma.Length}, {beta.Length} and outputs of {xhat.Length}, {y.Length}.");
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float sr = ref MemoryMarshal.GetReference(shift);
        ref float ir = ref MemoryMarshal.GetReference(invStd);
        ref float gr = ref MemoryMarshal.GetReference(gamma);
        ref float br = ref MemoryMarshal.GetReference(beta);
        ref float hr = ref MemoryMarshal.GetReference(xhat);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
            {
                var h = (Vector512.LoadUnsafe(ref xr, (nuint)i) - Vector512.LoadUnsafe(ref sr, (nuint)i)) * Vector512.LoadUnsafe(ref ir, (nuint)i);
                h.StoreUnsafe(ref hr, (nuint)i);
                Vector512.FusedMultiplyAdd(h, Vector512.LoadUnsafe(ref gr, (nuint)i), Vector512.LoadUnsafe(ref br, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
            {
                var h = (Vector256.LoadUnsafe(ref xr, (nuint)i) - Vector256.LoadUnsafe(ref sr, (nuint)i)) * Vector256.LoadUnsafe(ref ir, (nuint)i);
                h.StoreUnsafe(ref hr, (nuint)i);
                Vector256.FusedMultiplyAdd(h, Vector256.LoadUnsafe(ref gr, (nuint)i), Vector256.LoadUnsafe(ref br, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            float h = (x[i] - shift[i]) * invStd[i];
            xhat[i] = h;
            y[i] = MathF.FusedMultiplyAdd(h, gamma[i], beta[i]);
        }
    }

    // dx = (fma(xhat, negMeanDyXhat, dy) - meanDy) * scale
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputGradient(ReadOnlySpan<float> xhat, ReadOnlySpan<float> dy, ReadOnlySpan<float> negMeanDyXhat,
        ReadOnlySpan<float> meanDy, ReadOnlySpan<float> scale, Span<float> dx)
    {
        int n = dx.Length;
        if (xhat.Length != n || dy.Length != n || negMeanDyXhat.Length != n || meanDy.Length != n || scale.Length != n)
            throw new ShapeMismatchException($"BatchNorm1d backward: a row of {n} gradients with inputs of {xhat.Length}, {dy.Length}, {negMeanDyXhat.Length}, {meanDy.Length}, {scale.Length}.");
        ref float hr = ref MemoryMarshal.GetReference(xhat);
        ref float dyr = ref MemoryMarshal.GetReference(dy);
        ref float mxr = ref MemoryMarshal.GetReference(negMeanDyXhat);
        ref float mr = ref MemoryMarshal.GetReference(meanDy);
        ref float sr = ref MemoryMarshal.GetReference(scale);
        ref float dxr = ref MemoryMarshal.GetReference(dx);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
            {
                var t = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref hr, (nuint)i), Vector512.LoadUnsafe(ref mxr, (nuint)i), Vector512.LoadUnsafe(ref dyr, (nuint)i));
                ((t - Vector512.LoadUnsafe(ref mr, (nuint)i)) * Vector512.LoadUnsafe(ref sr, (nuint)i)).StoreUnsafe(ref dxr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
            {
                var t = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref hr, (nuint)i), Vector256.LoadUnsafe(ref mxr, (nuint)i), Vector256.LoadUnsafe(ref dyr, (nuint)i));
                ((t - Vector256.LoadUnsafe(ref mr, (nuint)i)) * Vector256.LoadUnsafe(ref sr, (nuint)i)).StoreUnsafe(ref dxr, (nuint)i);
            }
        }
        for (; i < n; i++)
            dx[i] = (MathF.FusedMultiplyAdd(xhat[i], negMeanDyXhat[i], dy[i]) - meanDy[i]) * scale[i];
    }

    // The fused training pass of BatchNorm1d -> SELU -> Dropout over one row's columns:
    // xhat = (x - shift) * invStd; s = SELU(fma(xhat, gamma, beta)); y = s * mask (mask empty: no
    // dropout, y not written). The same operations as the three layers one after the other.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void NormalizeSeluDropout(ReadOnlySpan<float> x, ReadOnlySpan<float> shift, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, ReadOnlySpan<float> mask, Span<float> xhat, Span<float> s, Span<float> y)
    {
        int n = x.Length;
        bool masked = !mask.IsEmpty;
        if (shift.Length != n || invStd.Length != n || gamma.Length != n || beta.Length != n || xhat.Length != n || s.Length != n
            || (masked && (mask.Length != n || y.Length != n)))
            throw new ShapeMismatchException($"BatchNorm1d-SELU-Dropout: a row of {n} values with spans of {shift.Length}, {invStd.Length}, {gamma.Length}, {beta.Length}, {mask.Length}, {xhat.Length}, {s.Length}, {y.Length}.");
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float sr = ref MemoryMarshal.GetReference(shift);
        ref float ir = ref MemoryMarshal.GetReference(invStd);
        ref float gr = ref MemoryMarshal.GetReference(gamma);
        ref float br = ref MemoryMarshal.GetReference(beta);
        ref float mr = ref MemoryMarshal.GetReference(mask);
        ref float hr = ref MemoryMarshal.GetReference(xhat);
        ref float or = ref MemoryMarshal.GetReference(s);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
            {
                var h = (Vector512.LoadUnsafe(ref xr, (nuint)i) - Vector512.LoadUnsafe(ref sr, (nuint)i)) * Vector512.LoadUnsafe(ref ir, (nuint)i);
                h.StoreUnsafe(ref hr, (nuint)i);
                var v = SeluKernel.Forward(Vector512.FusedMultiplyAdd(h, Vector512.LoadUnsafe(ref gr, (nuint)i), Vector512.LoadUnsafe(ref br, (nuint)i)));
                v.StoreUnsafe(ref or, (nuint)i);
                if (masked)
                    (v * Vector512.LoadUnsafe(ref mr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
            {
                var h = (Vector256.LoadUnsafe(ref xr, (nuint)i) - Vector256.LoadUnsafe(ref sr, (nuint)i)) * Vector256.LoadUnsafe(ref ir, (nuint)i);
                h.StoreUnsafe(ref hr, (nuint)i);
                var v = SeluKernel.Forward(Vector256.FusedMultiplyAdd(h, Vector256.LoadUnsafe(ref gr, (nuint)i), Vector256.LoadUnsafe(ref br, (nuint)i)));
                v.StoreUnsafe(ref or, (nuint)i);
                if (masked)
                    (v * Vector256.LoadUnsafe(ref mr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        if (i == n)
            return;
        int tail = i;
        for (; i < n; i++)
        {
            float h = (x[i] - shift[i]) * invStd[i];
            xhat[i] = h;
            s[i] = MathF.FusedMultiplyAdd(h, gamma[i], beta[i]);
        }
        SeluKernel.ForwardTail(s[tail..], s[tail..]);
        if (masked)
            for (i = tail; i < n; i++)
                y[i] = s[i] * mask[i];
    }

    // The fused backward through Dropout and SELU: dz = (dy * mask) * slope(s) (mask empty: dy * slope(s)).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DropoutSeluGradient(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, ReadOnlySpan<float> s, Span<float> dz)
    {
        int n = dy.Length;
        bool masked = !mask.IsEmpty;
        if (s.Length != n || dz.Length != n || (masked && mask.Length != n))
            throw new ShapeMismatchException($"Dropout-SELU backward: a row of {n} gradients with spans of {mask.Length}, {s.Length}, {dz.Length}.");
        ref float dyr = ref MemoryMarshal.GetReference(dy);
        ref float mr = ref MemoryMarshal.GetReference(mask);
        ref float sr = ref MemoryMarshal.GetReference(s);
        ref float dzr = ref MemoryMarshal.GetReference(dz);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
            {
                var g = Vector512.LoadUnsafe(ref dyr, (nuint)i);
                if (masked)
                    g *= Vector512.LoadUnsafe(ref mr, (nuint)i);
                (g * SeluKernel.Slope(Vector512.LoadUnsafe(ref sr, (nuint)i))).StoreUnsafe(ref dzr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
            {
                var g = Vector256.LoadUnsafe(ref dyr, (nuint)i);
                if (masked)
                    g *= Vector256.LoadUnsafe(ref mr, (nuint)i);
                (g * SeluKernel.Slope(Vector256.LoadUnsafe(ref sr, (nuint)i))).StoreUnsafe(ref dzr, (nuint)i);
            }
        }
        for (; i < n; i++)
            dz[i] = (masked ? dy[i] * mask[i] : dy[i]) * SeluKernel.Slope(s[i]);
    }
}
