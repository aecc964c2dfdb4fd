namespace SerAdapt.Engine;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) exactly as PyTorch 1.13's torch.optim.Adam (amsgrad off):
/// g += wd p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
/// p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
/// Weight decay is L2 added to the gradient (not AdamW). Hyper-parameters are doubles, as in
/// Python; scalars are rounded to float where PyTorch does.
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly float[][] _m;
    private readonly float[][] _v;
    private readonly int[] _steps;
    private readonly float[] _negStepSize;
    private readonly float[] _biasCorrection2Sqrt;

    public Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0)
        : base(parameters)
    {
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        _m = Parameters.Select(p => new float[p.Value.Length]).ToArray();
        _v = Parameters.Select(p => new float[p.Value.Length]).ToArray();
        _steps = new int[Parameters.Count];
        _negStepSize = new float[Parameters.Count];
        _biasCorrection2Sqrt = new float[Parameters.Count];
    }

    public double LearningRate { get; set; }
    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }
    public double WeightDecay { get; }

    /// <summary>First moment of parameter <paramref name="index"/> (PyTorch's exp_avg).</summary>
    public ReadOnlySpan<float> FirstMoment(int index) => _m[index];

    /// <summary>Second moment of parameter <paramref name="index"/> (PyTorch's exp_avg_sq).</summary>
    public ReadOnlySpan<float> SecondMoment(int index) => _v[index];

    protected override void BeginUpdate(int index, Parameter parameter)
    {
        // PyTorch 1.13 counts steps per parameter; with every parameter stepped each time the
        // count equals StepCount. A parameter skipped while frozen keeps its own count.
        int t = ++_steps[index];
        double bc1 = 1 - Math.Pow(Beta1, t);
        double bc2 = 1 - Math.Pow(Beta2, t);
        _biasCorrection2Sqrt[index] = (float)Math.Sqrt(bc2);
        _negStepSize[index] = (float)(-(LearningRate / bc1));
        _ = parameter.Grad; // a pending zeroing happens here, before the ranges run in parallel
    }

    protected override void UpdateRange(int index, Parameter parameter, int start, int length)
    {
        AdamKernel.Update(parameter.Value.Span.Slice(start, length), parameter.Grad.Span.Slice(start, length),
            _m[index].AsSpan(start, length), _v[index].AsSpan(start, length),
            (float)Beta1, (float)(1 - Beta1), (float)Beta2, (float)(1 - Beta2),
            _biasCorrection2Sqrt[index], (float)Epsilon, _negStepSize[index], (float)WeightDecay);
    }
}
