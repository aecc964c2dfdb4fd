using System.Numerics;

namespace SerAdapt.Engine;

/// <summary>
/// SELU's element-wise math in one place, a vector body and a scalar tail
/// (TensorPrimitives has no ELU/SELU).
/// </summary>
internal static class SeluKernel
{
    // PyTorch's constants (torch.nn.SELU, Klambauer et al. 2017).
    public const float Alpha = 1.6732632423543772848170429916717f;
    public const float Scale = 1.0507009873554804934193349852946f;
    private const float ScaleAlpha = Alpha * Scale;

    // y = scale * (x >= 0 ? x : alpha * (exp(x) - 1)); x = 0 takes the linear branch so that SELU(0) is exactly 0
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length != x.Length)
            throw new ShapeMismatchException($"SELU: input length {x.Length}, output length {y.Length}.");
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var scale = new Vector<float>(Scale);
            var sa = new Vector<float>(ScaleAlpha);
            for (; i <= x.Length - w; i += w)
            {
                var v = new Vector<float>(x[i..]);
                var neg = sa * (Vector.Exp(Vector.Min(v, Vector<float>.Zero)) - Vector<float>.One);
                Vector.ConditionalSelect(Vector.GreaterThanOrEqual(v, Vector<float>.Zero), scale * v, neg).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            float v = x[i];
            y[i] = v >= 0f ? Scale * v : ScaleAlpha * (MathF.Exp(v) - 1f);
        }
    }

    // dx = dy * (x > 0 ? scale : scale * alpha * exp(x)), with scale * alpha * exp(x) = y + scale * alpha
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (y.Length != x.Length || dy.Length != x.Length || dx.Length != x.Length)
            throw new ShapeMismatchException($"SELU backward: lengths x {x.Length}, y {y.Length}, dy {dy.Length}, dx {dx.Length}.");
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var scale = new Vector<float>(Scale);
            var sa = new Vector<float>(ScaleAlpha);
            for (; i <= x.Length - w; i += w)
            {
                var v = new Vector<float>(x[i..]);
                var slope = Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), scale, new Vector<float>(y[i..]) + sa);
                (new Vector<float>(dy[i..]) * slope).CopyTo(dx[i..]);
            }
        }
        for (; i < x.Length; i++)
            dx[i] = dy[i] * (x[i] > 0f ? Scale : y[i] + ScaleAlpha);
    }
}
