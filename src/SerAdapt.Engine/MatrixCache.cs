namespace SerAdapt.Engine;

/// <summary>Keeps a layer's reusable buffers: a matrix is reallocated only when its shape changes.</summary>
public static class MatrixCache
{
    public static Matrix Ensure(ref Matrix? m, int rows, int cols)
    {
        if (m is null || m.Rows != rows || m.Cols != cols)
            m = new Matrix(rows, cols);
        return m;
    }

    public static void RequireSameShape(Matrix expected, Matrix actual, string what)
    {
        if (expected.Rows != actual.Rows || expected.Cols != actual.Cols)
            throw new ShapeMismatchException($"{what}: expected shape {expected.ShapeString}, got {actual.ShapeString}.");
    }
}
