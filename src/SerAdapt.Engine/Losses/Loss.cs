using System.Numerics.Tensors;

namespace SerAdapt.Engine;

/// <summary>
/// A scalar loss L(a, b) of two matrices with gradients to both. <see cref="Forward"/> computes and
/// caches; <see cref="Backward"/> fills <see cref="GradA"/> = scale * dL/da and
/// <see cref="GradB"/> = scale * dL/db (buffers owned by the loss, reused, overwritten by the next
/// backward). A scale of -1 turns the loss into a term to maximise (MRD's step 2). Backward reads
/// the matrices given to the last forward, so they must not change in between (a module's output
/// changes at that module's next forward).
/// NaN or infinity in an input raises <see cref="NonFiniteLossException"/>.
/// </summary>
public abstract class Loss
{
    private Matrix? _gradA;
    private Matrix? _gradB;
    private Matrix? _a;
    private Matrix? _b;

    /// <summary>The loss's name in messages ("MSE", "L1 discrepancy", ...).</summary>
    public abstract string Name { get; }

    /// <summary>The value from the last forward.</summary>
    public float Value { get; private set; }

    public Matrix GradA => _gradA ?? throw new InvalidOperationException($"{Name}: no backward has run.");

    public Matrix GradB => _gradB ?? throw new InvalidOperationException($"{Name}: no backward has run.");

    public float Forward(Matrix a, Matrix b)
    {
        CheckShapes(a, b);
        RequireFinite(a, "a");
        RequireFinite(b, "b");
        _a = a;
        _b = b;
        Value = ForwardCore(a, b);
        return Value;
    }

    public void Backward(float scale = 1f)
    {
        var a = _a ?? throw new InvalidOperationException($"{Name}: Backward called before Forward.");
        var b = _b!;
        var ga = MatrixCache.Ensure(ref _gradA, a.Rows, a.Cols);
        var gb = MatrixCache.Ensure(ref _gradB, b.Rows, b.Cols);
        BackwardCore(a, b, scale, ga, gb);
    }

    /// <summary>Same shape by default; losses over different batch sizes override.</summary>
    protected virtual void CheckShapes(Matrix a, Matrix b)
    {
        if (a.Rows != b.Rows || a.Cols != b.Cols)
            throw new ShapeMismatchException($"{Name}: a has shape {a.ShapeString}, b has shape {b.ShapeString}; they must be equal.");
    }

    protected abstract float ForwardCore(Matrix a, Matrix b);

    protected abstract void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB);

    private void RequireFinite(Matrix m, string input)
    {
        var s = m.Span;
        if (TensorPrimitives.IsFiniteAll<float>(s))
            return;
        for (int i = 0; i < s.Length; i++)
            if (!float.IsFinite(s[i]))
                throw new NonFiniteLossException(Name, input, i / m.Cols, i % m.Cols, s[i]);
    }
}
