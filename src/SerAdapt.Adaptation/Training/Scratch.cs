using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>Step-local constant columns (domain labels), reallocated only when the batch size changes.</summary>
internal static class Scratch
{
    public static Matrix Filled(ref Matrix? m, int rows, float value)
    {
        var result = MatrixCache.Ensure(ref m, rows, 1);
        result.Span.Fill(value);
        return result;
    }
}
