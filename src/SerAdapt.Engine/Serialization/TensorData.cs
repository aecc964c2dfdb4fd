namespace SerAdapt.Engine;

/// <summary>A named tensor's shape and float32 values (row-major), as stored in a safetensors file.</summary>
public sealed class TensorData
{
    public TensorData(int[] shape, float[] values)
    {
        long count = 1;
        foreach (int d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count *= d;
        }
        if (count != values.Length)
            throw new ShapeMismatchException($"Shape ({string.Join(", ", shape)}) needs {count} values, got {values.Length}.");
        Shape = shape;
        Values = values;
    }

    public int[] Shape { get; }

    public float[] Values { get; }

    public string ShapeString => "(" + string.Join(", ", Shape) + ")";

    public static TensorData Scalar(float value) => new([], [value]);

    /// <summary>A view as a matrix: a 2-D shape as is, a 1-D or 0-D shape as one row.</summary>
    public Matrix ToMatrix() => Shape.Length switch
    {
        0 => new Matrix(Values, 0, 1, 1),
        1 => new Matrix(Values, 0, 1, Shape[0]),
        2 => new Matrix(Values, 0, Shape[0], Shape[1]),
        _ => throw new ShapeMismatchException($"A tensor of shape {ShapeString} is not a matrix."),
    };
}
