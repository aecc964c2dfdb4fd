namespace SerAdapt.Engine;

/// <summary>
/// General matrix multiply C = alpha * op(A) * op(B) + beta * C on row-major matrices,
/// where op(X) is X or X^T. The shapes after op: op(A) is (M, K), op(B) is (K, N), C is (M, N).
/// </summary>
public static class Gemm
{
    public static void Multiply(Matrix a, bool transA, Matrix b, bool transB, Matrix c, float alpha = 1f, float beta = 0f)
    {
        int m = transA ? a.Cols : a.Rows;
        int k = transA ? a.Rows : a.Cols;
        int kb = transB ? b.Cols : b.Rows;
        int n = transB ? b.Rows : b.Cols;
        if (k != kb || c.Rows != m || c.Cols != n)
            throw new ShapeMismatchException(
                $"GEMM shapes do not agree: op(A) {(transA ? "T" : "")}{a.ShapeString} x op(B) {(transB ? "T" : "")}{b.ShapeString} -> C {c.ShapeString}.");
        GemmReference.Multiply(transA, transB, m, n, k, alpha, a.Buffer.AsSpan(a.Offset), a.Cols, b.Buffer.AsSpan(b.Offset), b.Cols, beta, c.Buffer.AsSpan(c.Offset), c.Cols);
    }
}
