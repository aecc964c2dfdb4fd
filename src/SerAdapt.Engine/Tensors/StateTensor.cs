namespace SerAdapt.Engine;

/// <summary>
/// A named tensor a module keeps between steps (a BatchNorm running statistic, or the value of a
/// <see cref="Parameter"/>). <see cref="Shape"/> is the PyTorch shape (e.g. [out, in] or [n]);
/// <see cref="Value"/> holds it as a matrix: a 1-D shape [n] is a 1 x n row.
/// </summary>
public class StateTensor
{
    public StateTensor(string name, params int[] shape)
    {
        if (shape.Length is 0 or > 2)
            throw new ArgumentException($"State tensor '{name}' must be 1-D or 2-D, not rank {shape.Length}.", nameof(shape));
        Name = name;
        Shape = (int[])shape.Clone();
        Value = shape.Length == 1 ? new Matrix(1, shape[0]) : new Matrix(shape[0], shape[1]);
    }

    /// <summary>The local name inside its module ("weight", "running_mean", ...).</summary>
    public string Name { get; }

    public int[] Shape { get; }

    public Matrix Value { get; }

    public string ShapeString => "(" + string.Join(", ", Shape) + ")";
}
