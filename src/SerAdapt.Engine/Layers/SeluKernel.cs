using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SerAdapt.Engine;

/// <summary>
/// SELU's element-wise math in one place (TensorPrimitives has no ELU/SELU). Every element goes
/// through the same vector code, a short tail through a padded vector, so a value does not depend
/// on where it sits in a row or on how the work was split (the fused BatchNorm-SELU-dropout pass
/// gives the same values as the separate layers).
/// </summary>
internal static class SeluKernel
{
    // PyTorch's constants (torch.nn.SELU, Klambauer et al. 2017).
    public const float Alpha = 1.6732632423543772848170429916717f;
    public const float Scale = 1.0507009873554804934193349852946f;
    private const float ScaleAlpha = Alpha * Scale;

    /// <summary>Floats handled per vector step (16, 8, or 1 without SIMD).</summary>
    public static int Width => Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 1;

    // y = scale * (x >= 0 ? x : alpha * (exp(x) - 1)); x = 0 takes the linear branch so that SELU(0) is exactly 0
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Forward(Vector512<float> x) => Vector512.ConditionalSelect(
        Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), Vector512.Create(Scale) * x,
        Vector512.Create(ScaleAlpha) * (Vector512.Exp(Vector512.Min(x, Vector512<float>.Zero)) - Vector512<float>.One));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Forward(Vector256<float> x) => Vector256.ConditionalSelect(
        Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), Vector256.Create(Scale) * x,
        Vector256.Create(ScaleAlpha) * (Vector256.Exp(Vector256.Min(x, Vector256<float>.Zero)) - Vector256<float>.One));

    public static float Forward(float x) => x >= 0f ? Scale * x : ScaleAlpha * (MathF.Exp(x) - 1f);

    // The slope from the output: x > 0 exactly when y > 0, and scale * alpha * exp(x) = y + scale * alpha
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Slope(Vector512<float> y) => Vector512.ConditionalSelect(
        Vector512.GreaterThan(y, Vector512<float>.Zero), Vector512.Create(Scale), y + Vector512.Create(ScaleAlpha));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Slope(Vector256<float> y) => Vector256.ConditionalSelect(
        Vector256.GreaterThan(y, Vector256<float>.Zero), Vector256.Create(Scale), y + Vector256.Create(ScaleAlpha));

    public static float Slope(float y) => y > 0f ? Scale : y + ScaleAlpha;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length != x.Length)
            throw new ShapeMismatchException($"SELU: input length {x.Length}, output length {y.Length}.");
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
                Forward(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
                Forward(Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        }
        if (i < n)
            ForwardTail(x[i..], y[i..]);
    }

    /// <summary>Fewer than <see cref="Width"/> values, through a zero-padded vector.</summary>
    public static void ForwardTail(ReadOnlySpan<float> x, Span<float> y)
    {
        Span<float> pad = stackalloc float[16];
        pad.Clear();
        x.CopyTo(pad);
        if (Vector512.IsHardwareAccelerated)
            Forward(Vector512.Create((ReadOnlySpan<float>)pad)).CopyTo(pad);
        else if (Vector256.IsHardwareAccelerated)
            Forward(Vector256.Create((ReadOnlySpan<float>)pad)).CopyTo(pad);
        else
            for (int i = 0; i < x.Length; i++)
                pad[i] = Forward(pad[i]);
        pad[..x.Length].CopyTo(y);
    }

    // dx = dy * slope(y); x is checked for shape only (the slope comes from y)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (y.Length != x.Length || dy.Length != x.Length || dx.Length != x.Length)
            throw new ShapeMismatchException($"SELU backward: lengths x {x.Length}, y {y.Length}, dy {dy.Length}, dx {dx.Length}.");
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float dyr = ref MemoryMarshal.GetReference(dy);
        ref float dxr = ref MemoryMarshal.GetReference(dx);
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - 16; i += 16)
                (Vector512.LoadUnsafe(ref dyr, (nuint)i) * Slope(Vector512.LoadUnsafe(ref yr, (nuint)i))).StoreUnsafe(ref dxr, (nuint)i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
                (Vector256.LoadUnsafe(ref dyr, (nuint)i) * Slope(Vector256.LoadUnsafe(ref yr, (nuint)i))).StoreUnsafe(ref dxr, (nuint)i);
        }
        for (; i < n; i++)
            dx[i] = dy[i] * Slope(y[i]);
    }
}
