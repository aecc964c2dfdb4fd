using System.Numerics.Tensors;

namespace SerAdapt.Engine;

/// <summary>
/// Gradient reversal layer (Ganin &amp; Lempitsky 2015): the identity forward (the input passes
/// through), dx = -lambda * dy backward. <see cref="Lambda"/> may change at every step.
/// </summary>
public sealed class GradientReversal : Module
{
    private Matrix? _inputGrad;
    private int _lastRows = -1, _lastCols = -1;

    public GradientReversal(float lambda = 1f) => Lambda = lambda;

    public float Lambda { get; set; }

    public override Matrix Forward(Matrix x)
    {
        _lastRows = x.Rows;
        _lastCols = x.Cols;
        return x;
    }

    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        if (_lastRows < 0)
            throw new InvalidOperationException("GradientReversal.Backward called before Forward.");
        if (dy.Rows != _lastRows || dy.Cols != _lastCols)
            throw new ShapeMismatchException($"GradientReversal.Backward dy: expected shape ({_lastRows}, {_lastCols}), got {dy.ShapeString}.");
        if (!needInputGradient)
            return null;
        var dx = MatrixCache.Ensure(ref _inputGrad, dy.Rows, dy.Cols);
        TensorPrimitives.Multiply(dy.Span, -Lambda, dx.Span);
        return dx;
    }
}
