using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>Step-local buffers that are reallocated only when the batch size changes.</summary>
internal static class Scratch
{
    public static Matrix Ensure(ref Matrix? m, int rows, int cols)
    {
        if (m is null || m.Rows != rows || m.Cols != cols)
            m = new Matrix(rows, cols);
        return m;
    }

    public static Matrix Filled(ref Matrix? m, int rows, float value)
    {
        var result = Ensure(ref m, rows, 1);
        result.Span.Fill(value);
        return result;
    }
}
