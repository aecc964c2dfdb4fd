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
    private readonly double[] _sum;
    private readonly double[] _sum2;
    private bool _lastForwardTrained;

    public BatchNorm1d(int features, float momentum = 0.1f, float eps = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Features = features;
        Momentum = momentum;
        Eps = eps;
        Weight = new Parameter("weight", features);
        Bias = new Parameter("bias", features);
        RunningMean = new StateTensor("running_mean", features);
        RunningVar = new StateTensor("running_var", features);
        Weight.Value.Span.Fill(1f);
        RunningVar.Value.Span.Fill(1f);
        _invStd = new float[features];
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

    /// <summary>Training-mode forward passes so far (PyTorch's num_batches_tracked; not saved).</summary>
    public long BatchesTracked { get; private set; }

    protected override IEnumerable<Parameter> OwnParameters => [Weight, Bias];
    protected override IEnumerable<StateTensor> OwnBuffers => [RunningMean, RunningVar];

    // x: (N, C) -> y: (N, C)
    public override Matrix Forward(Matrix x)
    {
        if (x.Cols != Features)
            throw new ShapeMismatchException($"BatchNorm1d({Features}) got input {x.ShapeString}; expected (N, {Features}).");
        int n = x.Rows, c = Features;
        var xhat = MatrixCache.Ensure(ref _xhat, n, c);
        var y = MatrixCache.Ensure(ref _output, n, c);
        var gamma = Weight.Value.Span;
        var beta = Bias.Value.Span;
        if (IsTraining)
        {
            if (n < 2)
                throw new ShapeMismatchException($"BatchNorm1d({Features}) in training needs more than 1 row per batch, got input {x.ShapeString}.");
            Array.Clear(_sum);
            Array.Clear(_sum2);
            for (int r = 0; r < n; r++)
            {
                var row = x.Row(r);
                for (int j = 0; j < c; j++)
                    _sum[j] += row[j];
            }
            for (int j = 0; j < c; j++)
                _sum[j] /= n; // now the mean
            for (int r = 0; r < n; r++)
            {
                var row = x.Row(r);
                for (int j = 0; j < c; j++)
                {
                    double d = row[j] - _sum[j];
                    _sum2[j] += d * d;
                }
            }
            var rm = RunningMean.Value.Span;
            var rv = RunningVar.Value.Span;
            for (int j = 0; j < c; j++)
            {
                double var = _sum2[j] / n;
                _invStd[j] = (float)(1.0 / Math.Sqrt(var + Eps));
                rm[j] = (float)((1.0 - Momentum) * rm[j] + Momentum * _sum[j]);
                rv[j] = (float)((1.0 - Momentum) * rv[j] + Momentum * (_sum2[j] / (n - 1)));
            }
            for (int r = 0; r < n; r++)
            {
                var xr = x.Row(r);
                var hr = xhat.Row(r);
                var yr = y.Row(r);
                for (int j = 0; j < c; j++)
                {
                    float h = (float)(xr[j] - _sum[j]) * _invStd[j];
                    hr[j] = h;
                    yr[j] = h * gamma[j] + beta[j];
                }
            }
            BatchesTracked++;
        }
        else
        {
            var rm = RunningMean.Value.Span;
            var rv = RunningVar.Value.Span;
            for (int j = 0; j < c; j++)
                _invStd[j] = (float)(1.0 / Math.Sqrt(rv[j] + (double)Eps));
            for (int r = 0; r < n; r++)
            {
                var xr = x.Row(r);
                var hr = xhat.Row(r);
                var yr = y.Row(r);
                for (int j = 0; j < c; j++)
                {
                    float h = (xr[j] - rm[j]) * _invStd[j];
                    hr[j] = h;
                    yr[j] = h * gamma[j] + beta[j];
                }
            }
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
            var dr = dy.Row(r);
            var hr = xhat.Row(r);
            for (int j = 0; j < c; j++)
            {
                _sum[j] += dr[j];
                _sum2[j] += (double)dr[j] * hr[j];
            }
        }
        if (!Weight.Frozen)
        {
            var dg = Weight.Grad.Span;
            for (int j = 0; j < c; j++)
                dg[j] += (float)_sum2[j];
        }
        if (!Bias.Frozen)
        {
            var db = Bias.Grad.Span;
            for (int j = 0; j < c; j++)
                db[j] += (float)_sum[j];
        }
        if (!needInputGradient)
            return null;
        var dx = MatrixCache.Ensure(ref _inputGrad, n, c);
        var gamma = Weight.Value.Span;
        if (_lastForwardTrained)
        {
            // dx = gamma * invstd * (dy - mean(dy) - xhat * mean(dy * xhat))
            for (int r = 0; r < n; r++)
            {
                var dr = dy.Row(r);
                var hr = xhat.Row(r);
                var xr = dx.Row(r);
                for (int j = 0; j < c; j++)
                    xr[j] = (float)((dr[j] - _sum[j] / n - hr[j] * (_sum2[j] / n)) * (gamma[j] * _invStd[j]));
            }
        }
        else
        {
            for (int r = 0; r < n; r++)
            {
                var dr = dy.Row(r);
                var xr = dx.Row(r);
                for (int j = 0; j < c; j++)
                    xr[j] = dr[j] * gamma[j] * _invStd[j];
            }
        }
        return dx;
    }
}
