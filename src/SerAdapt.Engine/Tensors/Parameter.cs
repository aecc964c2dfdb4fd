namespace SerAdapt.Engine;

/// <summary>
/// A trainable tensor and its accumulated gradient. A frozen parameter accumulates no gradient
/// and optimizers leave it untouched (like PyTorch's requires_grad = False).
/// </summary>
public sealed class Parameter : StateTensor
{
    private readonly Matrix _grad;
    private bool _gradZeroPending;

    public Parameter(string name, params int[] shape)
        : base(name, shape)
    {
        _grad = new Matrix(Value.Rows, Value.Cols);
    }

    /// <summary>The accumulated gradient (zero after <see cref="ZeroGrad"/> until a backward pass adds to it).</summary>
    public Matrix Grad
    {
        get
        {
            if (_gradZeroPending)
            {
                _grad.Span.Clear();
                _gradZeroPending = false;
            }
            return _grad;
        }
    }

    public bool Frozen { get; set; }

    /// <summary>The thread count of the module that owns it (0: all cores); an optimizer's default.</summary>
    internal int Threads { get; set; }

    /// <summary>Sets the gradient to zero; the memory pass is saved when the next backward overwrites it.</summary>
    public void ZeroGrad() => _gradZeroPending = true;

    /// <summary>
    /// The gradient for a backward pass to add into. When <paramref name="overwrite"/> comes back
    /// true the gradient is logically zero and its memory stale: the caller must write every
    /// element (g = contribution) instead of adding (g += contribution), which gives the same values
    /// (up to the sign of a zero: 0 + -0 is +0).
    /// </summary>
    internal Matrix GradForAccumulation(out bool overwrite)
    {
        overwrite = _gradZeroPending;
        _gradZeroPending = false;
        return _grad;
    }
}
