namespace SerAdapt.Engine;

/// <summary>
/// Mean absolute discrepancy mean|a - b| (PyTorch's L1Loss, reduction 'mean'): MRD's L_dis between
/// the two regressors' outputs. The gradient uses sign(0) = 0, as PyTorch does.
/// </summary>
public sealed class L1DiscrepancyLoss : Loss
{
    public override string Name => "L1 discrepancy";

    protected override float ForwardCore(Matrix a, Matrix b)
    {
        ReadOnlySpan<float> x = a.Span, y = b.Span;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
            sum += Math.Abs((double)x[i] - y[i]);
        return x.Length == 0 ? float.NaN : (float)(sum / x.Length);
    }

    // dL/da = sign(a - b) / n, dL/db = -dL/da
    protected override void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB)
    {
        ReadOnlySpan<float> x = a.Span, y = b.Span;
        Span<float> ga = gradA.Span, gb = gradB.Span;
        float k = scale / x.Length;
        for (int i = 0; i < x.Length; i++)
        {
            float g = k * MathF.Sign(x[i] - y[i]);
            ga[i] = g;
            gb[i] = -g;
        }
    }
}
