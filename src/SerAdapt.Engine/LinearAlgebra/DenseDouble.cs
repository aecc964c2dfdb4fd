using System.Numerics.Tensors;

namespace SerAdapt.Engine;

/// <summary>
/// Row-major double matrix products for the small dense linear algebra of the subspace losses
/// (batch x batch Gram matrices, batch x width bases): C = alpha op(A) op(B) + beta C, op = transpose or not.
/// A is (m, k) after op, B is (k, n) after op. Rows are vectorised with TensorPrimitives.
/// </summary>
public static class DenseDouble
{
    // a: (ar, ac), b: (br, bc) as stored; c: (m, n) = alpha op(a) op(b) + beta c
    public static void Multiply(ReadOnlySpan<double> a, int ar, int ac, bool transA,
        ReadOnlySpan<double> b, int br, int bc, bool transB, Span<double> c, double beta = 0, double alpha = 1)
    {
        int m = transA ? ac : ar, k = transA ? ar : ac, kb = transB ? bc : br, n = transB ? br : bc;
        if (transA && transB)
            throw new ArgumentException("DenseDouble: op(A) and op(B) both transposed is not supported (no caller needs it).");
        if (k != kb)
            throw new ShapeMismatchException($"DenseDouble: inner dimensions {k} and {kb} differ.");
        if (a.Length < ar * ac || b.Length < br * bc || c.Length < m * n)
            throw new ShapeMismatchException("DenseDouble: a buffer is shorter than its shape.");
        if (beta == 0) c[..(m * n)].Clear();
        else if (beta != 1) TensorPrimitives.Multiply(c[..(m * n)], beta, c[..(m * n)]);
        if (!transB)
        {
            for (int i = 0; i < m; i++)
            {
                var ci = c.Slice(i * n, n);
                for (int p = 0; p < k; p++)
                {
                    double aip = alpha * (transA ? a[p * ac + i] : a[i * ac + p]);
                    if (aip != 0) TensorPrimitives.MultiplyAdd(b.Slice(p * bc, n), aip, ci, ci);
                }
            }
        }
        else
        {
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    c[i * n + j] += alpha * TensorPrimitives.Dot(a.Slice(i * ac, k), b.Slice(j * bc, k));
        }
    }
}
