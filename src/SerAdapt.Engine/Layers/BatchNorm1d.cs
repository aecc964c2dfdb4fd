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
    private readonly FusedForwardWork _fusedForward = new();
    private readonly FusedBackwardWork _fusedBackward = new();
    private Selu? _fusedSelu;
    private Dropout? _fusedDropout;

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
        (_fusedSelu, _fusedDropout) = (null, null);
        return y;
    }

    private void ForwardColumns(Matrix x, Matrix xhat, Matrix y, bool training, int j0, int j1)
    {
        Statistics(x, training, j0, j1);
        ReadOnlySpan<float> shift = _shift.AsSpan(j0..j1), invStd = _invStd.AsSpan(j0..j1);
        ReadOnlySpan<float> gamma = Weight.Value.Span[j0..j1], beta = Bias.Value.Span[j0..j1];
        for (int r = 0; r < x.Rows; r++)
            BatchNormKernel.Normalize(x.Row(r)[j0..j1], shift, invStd, gamma, beta, xhat.Row(r)[j0..j1], y.Row(r)[j0..j1]);
    }

    // Per column: shift (batch or running mean) and invStd; in training also the running statistics.
    private void Statistics(Matrix x, bool training, int j0, int j1)
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
    }

    /// <summary>
    /// Training forward of this layer, then <paramref name="selu"/>, then <paramref name="dropout"/>,
    /// in one pass over each range of columns (statistics, normalise, SELU, mask drawn and applied):
    /// the same values, masks and caches as the three forwards one after the other. Returns the
    /// dropout's output (the SELU's when dropout passes through). Backward with <see cref="BackwardFused"/>.
    /// </summary>
    internal Matrix ForwardFused(Matrix x, Selu selu, Dropout dropout)
    {
        if (x.Cols != Features)
            throw new ShapeMismatchException($"BatchNorm1d({Features}) got input {x.ShapeString}; expected (N, {Features}).");
        if (!IsTraining)
            throw new InvalidOperationException("The fused BatchNorm1d-SELU-Dropout pass is for training mode.");
        int n = x.Rows;
        if (n < 2)
            throw new ShapeMismatchException($"BatchNorm1d({Features}) in training needs more than 1 row per batch, got input {x.ShapeString}.");
        BatchesTracked++;
        var xhat = MatrixCache.Ensure(ref _xhat, n, Features);
        MatrixCache.Ensure(ref _output, n, Features); // dy's shape is checked against it in backward
        var s = selu.FusedOutput(x);
        var mask = dropout.BeginForward(n, Features, out var draw);
        var y = mask is null ? null : dropout.OutputBuffer(n, Features);
        _fusedForward.Run(this, x, xhat, s, mask, draw, y);
        _lastForwardTrained = true;
        (_fusedSelu, _fusedDropout) = (selu, dropout);
        return y ?? s;
    }

    private void ForwardFusedColumns(Matrix x, Matrix xhat, Matrix s, Matrix? mask, Dropout.MaskDraw? draw, Matrix? y, int j0, int j1)
    {
        Statistics(x, training: true, j0, j1);
        ReadOnlySpan<float> shift = _shift.AsSpan(j0..j1), invStd = _invStd.AsSpan(j0..j1);
        ReadOnlySpan<float> gamma = Weight.Value.Span[j0..j1], beta = Bias.Value.Span[j0..j1];
        for (int r = 0; r < x.Rows; r++)
        {
            Span<float> maskRow = mask is null ? default : mask.Row(r)[j0..j1];
            draw?.FillRow(r, j0, j1, maskRow);
            BatchNormKernel.NormalizeSeluDropout(x.Row(r)[j0..j1], shift, invStd, gamma, beta, maskRow,
                xhat.Row(r)[j0..j1], s.Row(r)[j0..j1], y is null ? default : y.Row(r)[j0..j1]);
        }
    }

    /// <summary>Backward of the last <see cref="ForwardFused"/> through the dropout, the SELU and this layer, in one pass per range of columns.</summary>
    internal Matrix? BackwardFused(Matrix dy, bool needInputGradient)
    {
        var xhat = _xhat ?? throw new InvalidOperationException("BatchNorm1d.Backward called before Forward.");
        var selu = _fusedSelu ?? throw new InvalidOperationException("BatchNorm1d.BackwardFused called without a fused forward.");
        var dropout = _fusedDropout!;
        MatrixCache.RequireSameShape(_output!, dy, "BatchNorm1d-SELU-Dropout backward dy");
        Matrix? dgamma = null, dbeta = null;
        bool overwriteGamma = false, overwriteBeta = false;
        if (!Weight.Frozen)
            dgamma = Weight.GradForAccumulation(out overwriteGamma);
        if (!Bias.Frozen)
            dbeta = Bias.GradForAccumulation(out overwriteBeta);
        // dz (the gradient at BatchNorm's output) goes to the input-gradient buffer and becomes dx there.
        var dz = MatrixCache.Ensure(ref _inputGrad, dy.Rows, Features);
        _fusedBackward.Run(this, dy, dropout.LastForwardMasked ? dropout.Mask : null, selu.FusedOutputOf(dy), xhat, dz,
            needInputGradient, dgamma, overwriteGamma, dbeta, overwriteBeta);
        return needInputGradient ? dz : null;
    }

    private void BackwardFusedColumns(Matrix dy, Matrix? mask, Matrix s, Matrix xhat, Matrix dz, bool needInputGradient,
        Matrix? dgamma, bool overwriteGamma, Matrix? dbeta, bool overwriteBeta, int j0, int j1)
    {
        int n = dy.Rows;
        var sum = _sum.AsSpan(j0..j1);
        var sum2 = _sum2.AsSpan(j0..j1);
        sum.Clear();
        sum2.Clear();
        for (int r = 0; r < n; r++)
        {
            var dzr = dz.Row(r)[j0..j1];
            BatchNormKernel.DropoutSeluGradient(dy.Row(r)[j0..j1], mask is null ? default : mask.Row(r)[j0..j1], s.Row(r)[j0..j1], dzr);
            WideningSum.AddWithProduct(dzr, xhat.Row(r)[j0..j1], sum, sum2);
        }
        InputGradientColumns(dz, xhat, needInputGradient ? dz : null, dgamma, overwriteGamma, dbeta, overwriteBeta, j0, j1);
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
            WideningSum.AddWithProduct(dy.Row(r)[j0..j1], xhat.Row(r)[j0..j1], sum, sum2);
        InputGradientColumns(dy, xhat, dx, dgamma, overwriteGamma, dbeta, overwriteBeta, j0, j1);
    }

    // From the column sums of dy and dy * xhat in _sum and _sum2: the parameter gradients and dx
    // (dx may be dy itself: each element is read before it is written).
    private void InputGradientColumns(Matrix dy, Matrix xhat, Matrix? dx, Matrix? dgamma, bool overwriteGamma,
        Matrix? dbeta, bool overwriteBeta, int j0, int j1)
    {
        int n = dy.Rows;
        var sum = _sum.AsSpan(j0..j1);
        var sum2 = _sum2.AsSpan(j0..j1);
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
            Run(layer.Features, 3L * x.Length, layer.Threads);
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
            Run(layer.Features, 3L * dy.Length, layer.Threads);
            (_layer, _dy, _xhat, _dx, _dgamma, _dbeta) = (null, null, null, null, null, null);
        }

        protected override void RunRange(int start, int end) =>
            _layer!.BackwardColumns(_dy!, _xhat!, _dx, _dgamma, _overwriteGamma, _dbeta, _overwriteBeta, start, end);
    }

    private sealed class FusedForwardWork : RangeWork
    {
        private BatchNorm1d? _layer;
        private Matrix? _x, _xhat, _s, _mask, _y;
        private Dropout.MaskDraw? _draw;

        public void Run(BatchNorm1d layer, Matrix x, Matrix xhat, Matrix s, Matrix? mask, Dropout.MaskDraw? draw, Matrix? y)
        {
            (_layer, _x, _xhat, _s, _mask, _draw, _y) = (layer, x, xhat, s, mask, draw, y);
            Run(layer.Features, 5L * x.Length, layer.Threads);
            (_layer, _x, _xhat, _s, _mask, _y) = (null, null, null, null, null, null);
        }

        protected override void RunRange(int start, int end) =>
            _layer!.ForwardFusedColumns(_x!, _xhat!, _s!, _mask, _draw, _y, start, end);
    }

    private sealed class FusedBackwardWork : RangeWork
    {
        private BatchNorm1d? _layer;
        private Matrix? _dy, _mask, _s, _xhat, _dz, _dgamma, _dbeta;
        private bool _needInputGradient, _overwriteGamma, _overwriteBeta;

        public void Run(BatchNorm1d layer, Matrix dy, Matrix? mask, Matrix s, Matrix xhat, Matrix dz, bool needInputGradient,
            Matrix? dgamma, bool overwriteGamma, Matrix? dbeta, bool overwriteBeta)
        {
            (_layer, _dy, _mask, _s, _xhat, _dz, _needInputGradient) = (layer, dy, mask, s, xhat, dz, needInputGradient);
            (_dgamma, _overwriteGamma, _dbeta, _overwriteBeta) = (dgamma, overwriteGamma, dbeta, overwriteBeta);
            Run(layer.Features, 5L * dy.Length, layer.Threads);
            (_layer, _dy, _mask, _s, _xhat, _dz, _dgamma, _dbeta) = (null, null, null, null, null, null, null, null);
        }

        protected override void RunRange(int start, int end) =>
            _layer!.BackwardFusedColumns(_dy!, _mask, _s!, _xhat!, _dz!, _needInputGradient, _dgamma, _overwriteGamma, _dbeta, _overwriteBeta, start, end);
    }
}
