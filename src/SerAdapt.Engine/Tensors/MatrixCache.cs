namespace SerAdapt.Engine;

/// <summary>
/// Keeps a layer's reusable buffers. A new shape reuses the buffer when it is large enough (only a
/// small view object is made), so alternating shapes (an epoch's short last batch, inference chunks)
/// do not reallocate the layer's buffers; the contents are not cleared.
/// </summary>
public static class MatrixCache
{
    public static Matrix Ensure(ref Matrix? m, int rows, int cols)
    {
        if (m is not null && m.Rows == rows && m.Cols == cols) return m;
        int length = checked(rows * cols);
        m = m is not null && m.Offset == 0 && m.Buffer.Length >= length
            ? new Matrix(m.Buffer, 0, rows, cols)
            : new Matrix(rows, cols);
        return m;
    }

    public static void RequireSameShape(Matrix expected, Matrix actual, string what)
    {
        if (expected.Rows != actual.Rows || expected.Cols != actual.Cols)
            throw new ShapeMismatchException($"{what}: expected shape {expected.ShapeString}, got {actual.ShapeString}.");
    }
}
