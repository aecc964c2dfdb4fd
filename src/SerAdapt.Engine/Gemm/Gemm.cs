namespace SerAdapt.Engine;

/// <summary>
/// General matrix multiply C = alpha * op(A) * op(B) + beta * C on row-major matrices,
/// where op(X) is X or X^T. The shapes after op: op(A) is (M, K), op(B) is (K, N), C is (M, N).
/// Packed panels, a register-blocked SIMD micro-kernel and all cores; the result is bit-identical
/// whatever the number of threads. C must not overlap A or B. When beta is 0, C is not read.
/// </summary>
public static class Gemm
{
    /// <summary>Below this many multiply-adds a call runs on the calling thread only.</summary>
    internal const long ParallelThreshold = 1L << 20;

    /// <summary>
    /// Chunks per thread: more than one so a thread that the OS delays leaves its work to the others,
    /// few because every chunk packs its own copy of the shared operand.
    /// </summary>
    private const int ChunksPerThread = 2;

    /// <summary>The micro-kernel chosen at start-up for this machine.</summary>
    public static GemmKernelKind Kernel => GemmKernels.Best;

    /// <summary>C = alpha op(A) op(B) + beta C on at most <paramref name="threads"/> threads (0: all cores); the result does not depend on it.</summary>
    public static void Multiply(Matrix a, bool transA, Matrix b, bool transB, Matrix c, float alpha = 1f, float beta = 0f, int threads = 0)
    {
        int m = transA ? a.Cols : a.Rows;
        int k = transA ? a.Rows : a.Cols;
        int kb = transB ? b.Cols : b.Rows;
        int n = transB ? b.Rows : b.Cols;
        if (k != kb || c.Rows != m || c.Cols != n)
            throw new ShapeMismatchException(
                $"GEMM shapes do not agree: op(A) {(transA ? "T" : "")}{a.ShapeString} x op(B) {(transB ? "T" : "")}{b.ShapeString} -> C {c.ShapeString}.");
        Multiply(transA, transB, m, n, k, alpha, a.Buffer.AsSpan(a.Offset, a.Length), a.Cols,
            b.Buffer.AsSpan(b.Offset, b.Length), b.Cols, beta, c.Buffer.AsSpan(c.Offset, c.Length), c.Cols, threads);
    }

    /// <summary>
    /// The same on spans with leading dimensions (row strides): A is stored (M, K) with stride lda,
    /// or (K, M) when transA; B is (K, N) with stride ldb, or (N, K) when transB; C is (M, N) with stride ldc.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int threads = 0)
        => Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, WorkerPool.ThreadsFor(threads), GemmKernels.Best);

    internal static unsafe void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        int threads, GemmKernelKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckStorage("A", a.Length, transA ? k : m, transA ? m : k, lda);
        CheckStorage("B", b.Length, transB ? n : k, transB ? k : n, ldb);
        CheckStorage("C", c.Length, m, n, ldc);
        if (m == 0 || n == 0)
            return;
        fixed (float* pa = a, pb = b, pc = c)
        {
            if (k == 0 || alpha == 0f)
            {
                Scale(pc, ldc, m, n, beta);
                return;
            }
            var job = new GemmJob(kind, transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            int tiles = job.Tiles(out _);
            if ((long)m * n * k < ParallelThreshold || threads == 1 || tiles == 1)
                WorkerPool.Run(job, 1, 1);
            else
                WorkerPool.Run(job, Math.Min(threads, tiles), Math.Min(tiles, ChunksPerThread * threads));
        }
    }

    private static void CheckStorage(string name, int length, int rows, int cols, int ld)
    {
        if (rows > 0 && cols > 0 && (ld < cols || (long)(rows - 1) * ld + cols > length))
            throw new ShapeMismatchException(
                $"GEMM operand {name}: a ({rows}, {cols}) matrix with row stride {ld} does not fit {length} floats.");
    }

    private static unsafe void Scale(float* c, nint ldc, int m, int n, float beta)
    {
        for (int i = 0; i < m; i++)
        {
            var row = new Span<float>(c + i * ldc, n);
            if (beta == 0f)
                row.Clear();
            else if (beta != 1f)
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }
}
