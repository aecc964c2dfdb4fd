using System.Numerics.Tensors;

namespace SerAdapt.Engine;

/// <summary>
/// Batch normalisation over the batch dimension of (N, C) inputs, with PyTorch's semantics
/// (Ioffe &amp; Szegedy 2015): in training, batch mean and BIASED variance normalise, and the
/// running mean/var move by <see cref="Momentum"/> towards the batch mean and UNBIASED variance;
/// in evaluation, the running statistics normalise. y = gamma * (x - mu) / sqrt(var + eps) + beta.
/// </summary>
public sealed class BatchNorm1d : Module
{
    private Matrix? _xhat;
    private Matrix? _output;
    private Matrix? _inputGrad;
    private readonly float[] _invStd;
    private readonly float[] _shift;
    private readonly float[] _scale;
    private readonly float[] _meanDy;
    private readonly float[] _meanDyXhat;
    private readonly double[] _sum;
    private readonly double[] _sum2;
    private bool _lastForwardTrained;

    public BatchNorm1d(int features, float momentum = 0.1f, float eps = 1e-5f)
        : this(features, momentum, eps, new Parameter("weight", Math.Max(features, 0)), new Parameter("bias", Math.Max(features, 0)),
            new StateTensor("running_mean", Math.Max(features, 0)), new StateTensor("running_var", Math.Max(features, 0)))
    {
        Weight.Value.Span.Fill(1f);
        RunningVar.Value.Span.Fill(1f);
    }

    // Shares the given tensors (a replica passes its source's).
    private BatchNorm1d(int features, float momentum, float eps, Parameter weight, Parameter bias, StateTensor runningMean, StateTensor runningVar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
        Momentum = momentum;
        Eps = eps;
        Weight = weight;
        Bias = bias;
        RunningMean = runningMean;
        RunningVar = runningVar;
        _invStd = new float[features];
        _shift = new float[features];
        _scale = new float[features];
        _meanDy = new float[features];
        _meanDyXhat = new float[features];
        _sum = new double[features];
        _sum2 = new double[features];
    }

    public int Features { get; }
    public float Momentum { get; }
    public float Eps { get; }

    /// <summary>gamma (C).</summary>
    public Parameter Weight { get; }

    /// <summary>beta (C).</summary>
    public Parameter Bias { get; }

    public StateTensor RunningMean { get; }
    public StateTensor RunningVar { get; }

    /// <summary>Training-mode forward passes of this instance (PyTorch's num_batches_tracked; not saved).</summary>
    public long BatchesTracked { get; private set; }

    protected override Module CreateReplica() => new BatchNorm1d(Features, Momentum, Eps, Weight, Bias, RunningMean, RunningVar);

    protected override IEnumerable<Parameter> OwnParameters => [Weight, Bias];
    protected override IEnumerable<StateTensor> OwnBuffers => [RunningMean, RunningVar];

    // x: (N, C) -> y: (N, C); xhat = (x - mean) * invstd is kept for backward
    public override Matrix Forward(Matrix x)
    {
        if (x.Cols != Features)
            throw new ShapeMismatchException($"BatchNorm1d({Features}) got input {x.ShapeString}; expected (N, {Features}).");
        int n = x.Rows, c = Features;
        var xhat = MatrixCache.Ensure(ref _xhat, n, c);
        var y = MatrixCache.Ensure(ref _output, n, c);
        if (IsTraining)
        {
            if (n < 2)
                throw new ShapeMismatchException($"BatchNorm1d({Features}) in training needs more than 1 row per batch, got input {x.ShapeString}.");
            // Batch mean and biased variance, accumulated in double.
            Array.Clear(_sum);
            Array.Clear(_sum2);
            for (int r = 0; r < n; r++)
                WideningSum.Add(x.Row(r), _sum);
            for (int j = 0; j < c; j++)
                _sum[j] /= n;
            for (int r = 0; r < n; r++)
                WideningSum.AddSquaredDeviation(x.Row(r), _sum, _sum2);
            var rm = RunningMean.Value.Span;
            var rv = RunningVar.Value.Span;
            for (int j = 0; j < c; j++)
            {
                _invStd[j] = (float)(1.0 / Math.Sqrt(_sum2[j] / n + Eps));
                _shift[j] = (float)_sum[j];
                rm[j] = (float)((1.0 - Momentum) * rm[j] + Momentum * _sum[j]);
                rv[j] = (float)((1.0 - Momentum) * rv[j] + Momentum * (_sum2[j] / (n - 1)));
            }
            BatchesTracked++;
        }
        else
        {
            var rv = RunningVar.Value.Span;
            for (int j = 0; j < c; j++)
                _invStd[j] = (float)(1.0 / Math.Sqrt(rv[j] + (double)Eps));
            RunningMean.Value.Span.CopyTo(_shift);
        }
        ReadOnlySpan<float> gamma = Weight.Value.Span, beta = Bias.Value.Span;
        for (int r = 0; r < n; r++)
        {
            var hr = xhat.Row(r);
            TensorPrimitives.Subtract(x.Row(r), _shift, hr);
            TensorPrimitives.Multiply(hr, _invStd, hr);
            TensorPrimitives.FusedMultiplyAdd(hr, gamma, beta, y.Row(r));
        }
        _lastForwardTrained = IsTraining;
        return y;
    }

    // dy: (N, C) -> dx: (N, C); dgamma += sum_n dy * xhat, dbeta += sum_n dy
    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        var xhat = _xhat ?? throw new InvalidOperationException("BatchNorm1d.Backward called before Forward.");
        MatrixCache.RequireSameShape(_output!, dy, "BatchNorm1d.Backward dy");
        int n = dy.Rows, c = Features;
        Array.Clear(_sum);
        Array.Clear(_sum2);
        for (int r = 0; r < n; r++)
        {
            WideningSum.Add(dy.Row(r), _sum);
            WideningSum.AddProduct(dy.Row(r), xhat.Row(r), _sum2);
        }
        if (!Weight.Frozen)
            AddTo(Weight, _sum2);
        if (!Bias.Frozen)
            AddTo(Bias, _sum);
        if (!needInputGradient)
            return null;
        var dx = MatrixCache.Ensure(ref _inputGrad, n, c);
        var gamma = Weight.Value.Span;
        // Per column: scale = gamma * invstd; in training also the means of dy and dy * xhat.
        for (int j = 0; j < c; j++)
        {
            _scale[j] = gamma[j] * _invStd[j];
            _meanDy[j] = (float)(_sum[j] / n);
            _meanDyXhat[j] = (float)(-_sum2[j] / n);
        }
        for (int r = 0; r < n; r++)
        {
            var xr = dx.Row(r);
            if (_lastForwardTrained)
            {
                // dx = gamma * invstd * (dy - mean(dy) - xhat * mean(dy * xhat))
                TensorPrimitives.FusedMultiplyAdd(xhat.Row(r), _meanDyXhat, dy.Row(r), xr);
                TensorPrimitives.Subtract(xr, _meanDy, xr);
                TensorPrimitives.Multiply(xr, _scale, xr);
            }
            else
            {
                // running statistics are constants: dx = gamma * invstd * dy
                TensorPrimitives.Multiply(dy.Row(r), _scale, xr);
            }
        }
        return dx;
    }

    // g += (float)sum, or g = (float)sum for the first backward after ZeroGrad
    private static void AddTo(Parameter parameter, double[] sum)
    {
        var g = parameter.GradForAccumulation(out bool overwrite).Span;
        if (overwrite)
            for (int j = 0; j < g.Length; j++)
                g[j] = (float)sum[j];
        else
            for (int j = 0; j < g.Length; j++)
                g[j] += (float)sum[j];
    }
}
