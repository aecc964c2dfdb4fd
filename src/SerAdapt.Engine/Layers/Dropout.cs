using System.Numerics.Tensors;

namespace SerAdapt.Engine;

/// <summary>
/// Inverted dropout: in training each element is kept with probability 1 - p and scaled by
/// 1 / (1 - p); in evaluation (or with p = 0) it is the identity and passes its input through.
/// A new mask is drawn at every training forward, unless <see cref="MaskFixed"/> holds the current
/// one (for gradient checks and replays). Masks come from <see cref="DropoutMask"/>, keyed by the
/// generator's seed (one named generator per layer), the number of masks drawn so far and the
/// element, so they are drawn in parallel and do not depend on the thread count.
/// </summary>
public sealed class Dropout : Module
{
    private readonly ulong _key;
    private ulong _step;
    private Matrix? _mask;
    private Matrix? _output;
    private Matrix? _inputGrad;
    private bool _lastForwardMasked;
    private int _lastRows = -1, _lastCols = -1;
    private readonly MaskWork _maskWork = new();

    public Dropout(Rng rng, float p = 0.5f)
    {
        if (!(p >= 0f && p < 1f))
            throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        _key = rng.Seed;
        P = p;
    }

    public float P { get; }

    /// <summary>When set, training forwards reuse the current mask instead of drawing a new one.</summary>
    public bool MaskFixed { get; set; }

    /// <summary>The mask of the last training forward (0 or 1/(1-p) per element), or null.</summary>
    public Matrix? Mask => _mask;

    /// <summary>Uses <paramref name="mask"/> (values 0 or 1/(1-p)) from now on and fixes it.</summary>
    public void SetMask(Matrix mask)
    {
        mask.Span.CopyTo(MatrixCache.Ensure(ref _mask, mask.Rows, mask.Cols).Span);
        MaskFixed = true;
    }

    // x: (N, D) -> y: (N, D)
    public override Matrix Forward(Matrix x)
    {
        var mask = BeginForward(x.Rows, x.Cols, out var draw);
        if (mask is null)
            return x;
        if (draw is { } d)
            _maskWork.Run(d, mask, Threads);
        var y = MatrixCache.Ensure(ref _output, x.Rows, x.Cols);
        TensorPrimitives.Multiply(x.Span, mask.Span, y.Span);
        return y;
    }

    /// <summary>What to draw for one mask: the layer key, the step and the threshold.</summary>
    internal readonly record struct MaskDraw(ulong Key, ulong Step, uint Threshold, float Keep)
    {
        public void FillRow(int row, int j0, int j1, Span<float> mask) =>
            DropoutMask.FillRow(Key, Step, row, j0, j1, Threshold, Keep, mask);
    }

    /// <summary>
    /// Starts a forward of a (rows, cols) input: null when it passes through (evaluation or p = 0);
    /// else the mask buffer, and in <paramref name="draw"/> what to draw into it (null when the mask is fixed).
    /// </summary>
    internal Matrix? BeginForward(int rows, int cols, out MaskDraw? draw)
    {
        _lastRows = rows;
        _lastCols = cols;
        _lastForwardMasked = IsTraining && P > 0f;
        draw = null;
        if (!_lastForwardMasked)
            return null;
        if (MaskFixed)
        {
            if (_mask is null)
                throw new InvalidOperationException("Dropout.MaskFixed is set but no mask has been drawn or given.");
            if (_mask.Rows != rows || _mask.Cols != cols)
                throw new ShapeMismatchException($"Dropout: fixed mask {_mask.ShapeString} does not fit input ({rows}, {cols}).");
            return _mask;
        }
        draw = new MaskDraw(_key, _step++, DropoutMask.Threshold(P), 1f / (1f - P));
        return MatrixCache.Ensure(ref _mask, rows, cols);
    }

    /// <summary>The output buffer for a forward whose product input * mask is written by the caller.</summary>
    internal Matrix OutputBuffer(int rows, int cols) => MatrixCache.Ensure(ref _output, rows, cols);

    // dy: (N, D) -> dx = dy * mask
    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        if (_lastRows < 0)
            throw new InvalidOperationException("Dropout.Backward called before Forward.");
        if (dy.Rows != _lastRows || dy.Cols != _lastCols)
            throw new ShapeMismatchException($"Dropout.Backward dy: expected shape ({_lastRows}, {_lastCols}), got {dy.ShapeString}.");
        if (!needInputGradient)
            return null;
        if (!_lastForwardMasked)
            return dy;
        var dx = MatrixCache.Ensure(ref _inputGrad, dy.Rows, dy.Cols);
        TensorPrimitives.Multiply(dy.Span, _mask!.Span, dx.Span);
        return dx;
    }

    /// <summary>Whether the last forward applied a mask (training and p &gt; 0).</summary>
    internal bool LastForwardMasked => _lastForwardMasked;

    private sealed class MaskWork : RangeWork
    {
        private MaskDraw _draw;
        private Matrix? _mask;

        public void Run(MaskDraw draw, Matrix mask, int threads)
        {
            (_draw, _mask) = (draw, mask);
            Run(mask.Cols, mask.Length, threads);
            _mask = null;
        }

        protected override void RunRange(int start, int end)
        {
            for (int r = 0; r < _mask!.Rows; r++)
                _draw.FillRow(r, start, end, _mask.Row(r)[start..end]);
        }
    }
}
