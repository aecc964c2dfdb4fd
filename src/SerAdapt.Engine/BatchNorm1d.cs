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
    private readonly ForwardWork _forward = new();
    private readonly BackwardWork _backward = new();

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

    // x: (N, C) -> y: (N, C); xhat = (x - mean) * invstd is kept for backward. Columns are
    // independent, so ranges of columns run on the worker threads.
    public override Matrix Forward(Matrix x)
    {
        if (x.Cols != Features)
            throw new ShapeMismatchException($"BatchNorm1d({Features}) got input {x.ShapeString}; expected (N, {Features}).");
        int n = x.Rows;
        var xhat = MatrixCache.Ensure(ref _xhat, n, Features);
        var y = MatrixCache.Ensure(ref _output, n, Features);
        if (IsTraining)
        {
            if (n < 2)
                throw new ShapeMismatchException($"BatchNorm1d({Features}) in training needs more than 1 row per batch, got input {x.ShapeString}.");
            BatchesTracked++;
        }
        _forward.Run(this, x, xhat, y, IsTraining);
        _lastForwardTrained = IsTraining;
        return y;
    }

    private void ForwardColumns(Matrix x, Matrix xhat, Matrix y, bool training, int j0, int j1)
    {
        int n = x.Rows;
        var sum = _sum.AsSpan(j0..j1);
        var sum2 = _sum2.AsSpan(j0..j1);
        var invStd = _invStd.AsSpan(j0..j1);
        var shift = _shift.AsSpan(j0..j1);
        var rm = RunningMean.Value.Span[j0..j1];
        var rv = RunningVar.Value.Span[j0..j1];
        if (training)
        {
            // Batch mean and biased variance, accumulated in double.
            sum.Clear();
            sum2.Clear();
            for (int r = 0; r < n; r++)
                WideningSum.Add(x.Row(r)[j0..j1], sum);
            for (int j = 0; j < sum.Length; j++)
                sum[j] /= n;
            for (int r = 0; r < n; r++)
                WideningSum.AddSquaredDeviation(x.Row(r)[j0..j1], sum, sum2);
            for (int j = 0; j < sum.Length; j++)
            {
                invStd[j] = (float)(1.0 / Math.Sqrt(sum2[j] / n + Eps));
                shift[j] = (float)sum[j];
                rm[j] = (float)((1.0 - Momentum) * rm[j] + Momentum * sum[j]);
                rv[j] = (float)((1.0 - Momentum) * rv[j] + Momentum * (sum2[j] / (n - 1)));
            }
        }
        else
        {
            for (int j = 0; j < invStd.Length; j++)
                invStd[j] = (float)(1.0 / Math.Sqrt(rv[j] + (double)Eps));
            rm.CopyTo(shift);
        }
        ReadOnlySpan<float> gamma = Weight.Value.Span[j0..j1], beta = Bias.Value.Span[j0..j1];
        for (int r = 0; r < n; r++)
            BatchNormKernel.Normalize(x.Row(r)[j0..j1], shift, invStd, gamma, beta, xhat.Row(r)[j0..j1], y.Row(r)[j0..j1]);
    }

    // dy: (N, C) -> dx: (N, C); dgamma += sum_n dy * xhat, dbeta += sum_n dy; by ranges of columns
    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        var xhat = _xhat ?? throw new InvalidOperationException("BatchNorm1d.Backward called before Forward.");
        MatrixCache.RequireSameShape(_output!, dy, "BatchNorm1d.Backward dy");
        Matrix? dgamma = null, dbeta = null;
        bool overwriteGamma = false, overwriteBeta = false;
        if (!Weight.Frozen)
            dgamma = Weight.GradForAccumulation(out overwriteGamma);
        if (!Bias.Frozen)
            dbeta = Bias.GradForAccumulation(out overwriteBeta);
        var dx = needInputGradient ? MatrixCache.Ensure(ref _inputGrad, dy.Rows, Features) : null;
        _backward.Run(this, dy, xhat, dx, dgamma, overwriteGamma, dbeta, overwriteBeta);
        return dx;
    }

    private void BackwardColumns(Matrix dy, Matrix xhat, Matrix? dx, Matrix? dgamma, bool overwriteGamma,
        Matrix? dbeta, bool overwriteBeta, int j0, int j1)
    {
        int n = dy.Rows;
        var sum = _sum.AsSpan(j0..j1);
        var sum2 = _sum2.AsSpan(j0..j1);
        sum.Clear();
        sum2.Clear();
        for (int r = 0; r < n; r++)
        {
            WideningSum.AddWithProduct(dy.Row(r)[j0..j1], xhat.Row(r)[j0..j1], sum, sum2);
        }
        if (dgamma is not null)
            AddTo(dgamma.Span[j0..j1], overwriteGamma, sum2);
        if (dbeta is not null)
            AddTo(dbeta.Span[j0..j1], overwriteBeta, sum);
        if (dx is null)
            return;
        var gamma = Weight.Value.Span[j0..j1];
        var invStd = _invStd.AsSpan(j0..j1);
        var scale = _scale.AsSpan(j0..j1);
        var meanDy = _meanDy.AsSpan(j0..j1);
        var meanDyXhat = _meanDyXhat.AsSpan(j0..j1);
        // Per column: scale = gamma * invstd; in training also the means of dy and dy * xhat.
        for (int j = 0; j < scale.Length; j++)
        {
            scale[j] = gamma[j] * invStd[j];
            meanDy[j] = (float)(sum[j] / n);
            meanDyXhat[j] = (float)(-sum2[j] / n);
        }
        for (int r = 0; r < n; r++)
        {
            var xr = dx.Row(r)[j0..j1];
            if (_lastForwardTrained)
            {
                // dx = gamma * invstd * (dy - mean(dy) - xhat * mean(dy * xhat))
                BatchNormKernel.InputGradient(xhat.Row(r)[j0..j1], dy.Row(r)[j0..j1], meanDyXhat, meanDy, scale, xr);
            }
            else
            {
                // running statistics are constants: dx = gamma * invstd * dy
                TensorPrimitives.Multiply(dy.Row(r)[j0..j1], scale, xr);
            }
        }
    }

    // g += (float)sum, or g = (float)sum for the first backward after ZeroGrad
    private static void AddTo(Span<float> g, bool overwrite, ReadOnlySpan<double> sum)
    {
        if (overwrite)
            for (int j = 0; j < g.Length; j++)
                g[j] = (float)sum[j];
        else
            for (int j = 0; j < g.Length; j++)
                g[j] += (float)sum[j];
    }

    private sealed class ForwardWork : RangeWork
    {
        private BatchNorm1d? _layer;
        private Matrix? _x, _xhat, _y;
        private bool _training;

        public void Run(BatchNorm1d layer, Matrix x, Matrix xhat, Matrix y, bool training)
        {
            (_layer, _x, _xhat, _y, _training) = (layer, x, xhat, y, training);
            Run(layer.Features, 3L * x.Length);
            (_layer, _x, _xhat, _y) = (null, null, null, null);
        }

        protected override void RunRange(int start, int end) =>
            _layer!.ForwardColumns(_x!, _xhat!, _y!, _training, start, end);
    }

    private sealed class BackwardWork : RangeWork
    {
        private BatchNorm1d? _layer;
        private Matrix? _dy, _xhat, _dx, _dgamma, _dbeta;
        private bool _overwriteGamma, _overwriteBeta;

        public void Run(BatchNorm1d layer, Matrix dy, Matrix xhat, Matrix? dx, Matrix? dgamma, bool overwriteGamma, Matrix? dbeta, bool overwriteBeta)
        {
            (_layer, _dy, _xhat, _dx, _dgamma, _overwriteGamma, _dbeta, _overwriteBeta) = (layer, dy, xhat, dx, dgamma, overwriteGamma, dbeta, overwriteBeta);
            Run(layer.Features, 3L * dy.Length);
            (_layer, _dy, _xhat, _dx, _dgamma, _dbeta) = (null, null, null, null, null, null);
        }

        protected override void RunRange(int start, int end) =>
            _layer!.BackwardColumns(_dy!, _xhat!, _dx, _dgamma, _overwriteGamma, _dbeta, _overwriteBeta, start, end);
    }
}
