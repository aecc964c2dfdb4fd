using System.Numerics.Tensors;

namespace SerAdapt.Engine;

/// <summary>
/// Fully connected layer y = x W^T + b with PyTorch's layout: weight (out, in), bias (out).
/// </summary>
public sealed class Linear : Module
{
    private Matrix? _input;
    private Matrix? _output;
    private Matrix? _inputGrad;

    public Linear(int inFeatures, int outFeatures, Rng rng, LinearInit init = LinearInit.PyTorchDefault, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = new Parameter("weight", outFeatures, inFeatures);
        Bias = bias ? new Parameter("bias", outFeatures) : null;
        switch (init)
        {
            case LinearInit.PyTorchDefault:
                float bound = 1f / MathF.Sqrt(inFeatures);
                rng.FillUniform(Weight.Value.Span, -bound, bound);
                if (Bias is not null)
                    rng.FillUniform(Bias.Value.Span, -bound, bound);
                break;
            case LinearInit.LeCunNormal:
                rng.FillNormal(Weight.Value.Span, 0f, 1f / MathF.Sqrt(inFeatures));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, null);
        }
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Parameter Weight { get; }
    public Parameter? Bias { get; }

    protected override IEnumerable<Parameter> OwnParameters => Bias is null ? [Weight] : [Weight, Bias];

    // x: (N, in) -> y: (N, out)
    public override Matrix Forward(Matrix x)
    {
        if (x.Cols != InFeatures)
            throw new ShapeMismatchException($"Linear({InFeatures} -> {OutFeatures}) got input {x.ShapeString}; expected (N, {InFeatures}).");
        var y = MatrixCache.Ensure(ref _output, x.Rows, OutFeatures);
        if (Bias is null)
        {
            Gemm.Multiply(x, false, Weight.Value, true, y, threads: Threads);
        }
        else
        {
            var b = Bias.Value.Span;
            for (int r = 0; r < y.Rows; r++)
                b.CopyTo(y.Row(r));
            Gemm.Multiply(x, false, Weight.Value, true, y, 1f, 1f, Threads);
        }
        _input = x;
        return y;
    }

    // dy: (N, out) -> dx: (N, in); dW += dy^T x, db += sum_n dy
    protected internal override Matrix? BackwardCore(Matrix dy, bool needInputGradient)
    {
        var x = _input ?? throw new InvalidOperationException("Linear.Backward called before Forward.");
        MatrixCache.RequireSameShape(_output!, dy, "Linear.Backward dy");
        if (!Weight.Frozen)
        {
            // The first backward after ZeroGrad writes dW (beta = 0: no zeroing pass, C not read).
            var dw = Weight.GradForAccumulation(out bool overwrite);
            Gemm.Multiply(dy, true, x, false, dw, 1f, overwrite ? 0f : 1f, Threads);
        }
        if (Bias is not null && !Bias.Frozen)
        {
            var db = Bias.GradForAccumulation(out bool overwrite).Span;
            if (overwrite)
                db.Clear();
            for (int r = 0; r < dy.Rows; r++)
                TensorPrimitives.Add(db, dy.Row(r), db);
        }
        if (!needInputGradient)
            return null;
        var dx = MatrixCache.Ensure(ref _inputGrad, dy.Rows, InFeatures);
        Gemm.Multiply(dy, false, Weight.Value, false, dx, threads: Threads);
        return dx;
    }
}
