namespace SerAdapt.Engine;

/// <summary>
/// Scaled exponential linear unit (Klambauer et al. 2017) with PyTorch's alpha and scale:
/// y = scale * x for x &gt; 0, scale * alpha * (exp(x) - 1) otherwise.
/// </summary>
public sealed class Selu : Module
{
    public const float Alpha = SeluKernel.Alpha;
    public const float Scale = SeluKernel.Scale;

    private Matrix? _input;
    private Matrix? _output;
    private Matrix? _inputGrad;
    private readonly ForwardWork _forward = new();
    private readonly BackwardWork _backward = new();

    // x: (N, D) -> y: (N, D)
    public override Matrix Forward(Matrix x)
    {
        var y = MatrixCache.Ensure(ref _output, x.Rows, x.Cols);
        _forward.Run(x, y, Threads);
        _input = x;
        return y;
    }

    /// <summary>The output buffer for a fused forward that writes SELU(x) of an x shaped like <paramref name="x"/> (BatchNorm1d's).</summary>
    internal Matrix FusedOutput(Matrix x)
    {
        _input = null; // the fused pass keeps no SELU input; its backward uses the output only
        return MatrixCache.Ensure(ref _output, x.Rows, x.Cols);
    }

    /// <summary>The output of the last fused forward, checked against the gradient's shape.</summary>
    internal Matrix FusedOutputOf(Matrix dy)
    {
        MatrixCache.RequireSameShape(_output ?? throw new InvalidOperationException("Selu: no fused forward."), dy, "SELU backward dy");
        return _output;
    }

    // dy: (N, D) -> dx: (N, D)
    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        var x = _input ?? throw new InvalidOperationException("Selu.Backward called before Forward.");
        MatrixCache.RequireSameShape(_output!, dy, "Selu.Backward dy");
        if (!needInputGradient)
            return null;
        var dx = MatrixCache.Ensure(ref _inputGrad, dy.Rows, dy.Cols);
        _backward.Run(x, _output!, dy, dx, Threads);
        return dx;
    }

    private sealed class ForwardWork : RangeWork
    {
        private Matrix? _x, _y;

        public void Run(Matrix x, Matrix y, int threads)
        {
            if (y.Length != x.Length)
                throw new ShapeMismatchException($"SELU: input {x.ShapeString}, output {y.ShapeString}.");
            (_x, _y) = (x, y);
            Run(x.Length, 2L * x.Length, threads);
            (_x, _y) = (null, null);
        }

        protected override void RunRange(int start, int end) =>
            SeluKernel.Forward(_x!.Span[start..end], _y!.Span[start..end]);
    }

    private sealed class BackwardWork : RangeWork
    {
        private Matrix? _x, _y, _dy, _dx;

        public void Run(Matrix x, Matrix y, Matrix dy, Matrix dx, int threads)
        {
            if (y.Length != x.Length || dy.Length != x.Length || dx.Length != x.Length)
                throw new ShapeMismatchException($"SELU backward: x {x.ShapeString}, y {y.ShapeString}, dy {dy.ShapeString}, dx {dx.ShapeString}.");
            (_x, _y, _dy, _dx) = (x, y, dy, dx);
            Run(x.Length, 4L * x.Length, threads);
            (_x, _y, _dy, _dx) = (null, null, null, null);
        }

        protected override void RunRange(int start, int end) =>
            SeluKernel.Backward(_x!.Span[start..end], _y!.Span[start..end], _dy!.Span[start..end], _dx!.Span[start..end]);
    }
}
