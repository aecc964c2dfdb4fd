namespace SerAdapt.Engine;

/// <summary>Mean squared error mean((a - b)^2) over all elements (PyTorch's MSELoss, reduction 'mean').</summary>
public sealed class MseLoss : Loss
{
    public override string Name => "MSE";

    protected override float ForwardCore(Matrix a, Matrix b)
    {
        ReadOnlySpan<float> x = a.Span, y = b.Span;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return x.Length == 0 ? float.NaN : (float)(sum / x.Length);
    }

    // dL/da = 2 (a - b) / n, dL/db = -dL/da
    protected override void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB)
    {
        ReadOnlySpan<float> x = a.Span, y = b.Span;
        Span<float> ga = gradA.Span, gb = gradB.Span;
        float k = 2f * scale / x.Length;
        for (int i = 0; i < x.Length; i++)
        {
            float g = k * (x[i] - y[i]);
            ga[i] = g;
            gb[i] = -g;
        }
    }
}
