namespace SerAdapt.Engine;

/// <summary>
/// A trainable tensor and its accumulated gradient. A frozen parameter accumulates no gradient
/// and optimizers leave it untouched (like PyTorch's requires_grad = False).
/// </summary>
public sealed class Parameter : StateTensor
{
    public Parameter(string name, params int[] shape)
        : base(name, shape)
    {
        Grad = new Matrix(Value.Rows, Value.Cols);
    }

    public Matrix Grad { get; }

    public bool Frozen { get; set; }
}
