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

    protected override Module CreateReplica() => new Selu();

    // x: (N, D) -> y: (N, D)
    public override Matrix Forward(Matrix x)
    {
        var y = MatrixCache.Ensure(ref _output, x.Rows, x.Cols);
        SeluKernel.Forward(x.Span, y.Span);
        _input = x;
        return y;
    }

    // dy: (N, D) -> dx: (N, D)
    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        var x = _input ?? throw new InvalidOperationException("Selu.Backward called before Forward.");
        MatrixCache.RequireSameShape(_output!, dy, "Selu.Backward dy");
        if (!needInputGradient)
            return null;
        var dx = MatrixCache.Ensure(ref _inputGrad, dy.Rows, dy.Cols);
        SeluKernel.Backward(x.Span, _output!.Span, dy.Span, dx.Span);
        return dx;
    }
}
