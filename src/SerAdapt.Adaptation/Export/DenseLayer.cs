namespace SerAdapt.Adaptation.Export;

/// <summary>
/// One inference-time layer y = act(W x + b), W stored (Out, In) row-major as PyTorch's Linear.
/// Batch normalisation (eval mode) and the corpus z-normalisation are folded into W and b,
/// so an exported network is only a chain of these.
/// </summary>
public sealed record DenseLayer(int In, int Out, float[] Weight, float[] Bias, bool Selu)
{
    /// <summary>
    /// Folds an eval-mode BatchNorm1d that follows this layer:
    /// y = gamma (Wx + b - mu) / sqrt(var + eps) + beta.
    /// </summary>
    public DenseLayer FoldBatchNorm(ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVar, double eps = 1e-5)
    {
        var w = new float[Weight.Length];
        var b = new float[Out];
        for (int o = 0; o < Out; o++)
        {
            double scale = gamma[o] / Math.Sqrt(runningVar[o] + eps);
            for (int i = 0; i < In; i++) w[o * In + i] = (float)(Weight[o * In + i] * scale);
            b[o] = (float)((Bias[o] - runningMean[o]) * scale + beta[o]);
        }
        return this with { Weight = w, Bias = b };
    }

    /// <summary>Folds an input z-normalisation x' = (x - mean) / std in front of this layer.</summary>
    public DenseLayer FoldInputNormalisation(ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        if (mean.Length != In || std.Length != In)
            throw new ArgumentException($"Normalisation statistics have {mean.Length} means and {std.Length} stds for a layer with {In} inputs.");
        var w = new float[Weight.Length];
        var b = new float[Out];
        for (int o = 0; o < Out; o++)
        {
            double shift = 0;
            for (int i = 0; i < In; i++)
            {
                double wi = Weight[o * In + i] / (double)std[i];
                w[o * In + i] = (float)wi;
                shift += wi * mean[i];
            }
            b[o] = (float)(Bias[o] - shift);
        }
        return this with { Weight = w, Bias = b };
    }
}
