namespace SerAdapt.Engine;

/// <summary>
/// Binary cross-entropy on logits, mean over all elements (PyTorch's BCEWithLogitsLoss):
/// l = max(a, 0) - a b + log(1 + exp(-|a|)), stable for any logit a; b is the target in [0, 1].
/// </summary>
public sealed class BceWithLogitsLoss : Loss
{
    public override string Name => "BCE with logits";

    protected override float ForwardCore(Matrix a, Matrix b)
    {
        ReadOnlySpan<float> x = a.Span, y = b.Span;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            sum += Math.Max(v, 0) - v * y[i] + Math.Log(1.0 + Math.Exp(-Math.Abs(v)));
        }
        return x.Length == 0 ? float.NaN : (float)(sum / x.Length);
    }

    // dL/da = (sigmoid(a) - b) / n, dL/db = -a / n
    protected override void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB)
    {
        ReadOnlySpan<float> x = a.Span, y = b.Span;
        Span<float> ga = gradA.Span, gb = gradB.Span;
        double k = (double)scale / x.Length;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            double sigmoid = v >= 0 ? 1.0 / (1.0 + Math.Exp(-v)) : Math.Exp(v) / (1.0 + Math.Exp(v));
            ga[i] = (float)(k * (sigmoid - y[i]));
            gb[i] = (float)(-k * v);
        }
    }
}
