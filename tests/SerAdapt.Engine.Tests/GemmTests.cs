using SerAdapt.Engine;

namespace SerAdapt.Engine.Tests;

public class GemmTests
{
    public static TheoryData<GemmKernelKind> Kernels()
    {
        var data = new TheoryData<GemmKernelKind> { GemmKernelKind.Scalar };
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated) data.Add(GemmKernelKind.Vector256);
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) data.Add(GemmKernelKind.Vector512);
        return data;
    }

    private static float[] RandomArray(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }

    // Stored (not op) dimensions of A and B for a problem (m, n, k).
    private static (int Rows, int Cols) StoredA(bool transA, int m, int k) => transA ? (k, m) : (m, k);
    private static (int Rows, int Cols) StoredB(bool transB, int k, int n) => transB ? (n, k) : (k, n);

    /// <summary>Runs the fast path and the reference on the same inputs (with row strides and offsets) and compares.</summary>
    private static void CheckAgainstReference(Random random, GemmKernelKind kind, int threads, bool transA, bool transB,
        int m, int n, int k, float alpha, float beta, int pad)
    {
        var (ar, ac) = StoredA(transA, m, k);
        var (br, bc) = StoredB(transB, k, n);
        int lda = ac + pad, ldb = bc + pad, ldc = n + pad;
        int offA = pad * 3, offB = pad * 5, offC = pad * 7;
        var a = RandomArray(random, offA + ar * lda);
        var b = RandomArray(random, offB + br * ldb);
        var c = RandomArray(random, offC + m * ldc);
        var expected = (float[])c.Clone();
        GemmReference.Multiply(transA, transB, m, n, k, alpha, a.AsSpan(offA), lda, b.AsSpan(offB), ldb, beta, expected.AsSpan(offC), ldc);
        Gemm.Multiply(transA, transB, m, n, k, alpha, a.AsSpan(offA), lda, b.AsSpan(offB), ldb, beta, c.AsSpan(offC), ldc, threads, kind);
        // float32 sums of k products of values in [-1, 1]: error grows like sqrt(k) * eps * |terms|.
        float tolerance = 1e-5f * (Math.Abs(alpha) * k + Math.Abs(beta) + 1);
        for (int i = 0; i < c.Length; i++)
        {
            bool inC = i >= offC && (i - offC) / ldc < m && (i - offC) % ldc < n;
            if (!inC)
                Assert.True(expected[i] == c[i], $"element {i} outside C was changed");
            else if (Math.Abs(expected[i] - c[i]) > tolerance)
                Assert.Fail($"{kind} tA={transA} tB={transB} m={m} n={n} k={k} alpha={alpha} beta={beta}: " +
                    $"C({(i - offC) / ldc},{(i - offC) % ldc}) = {c[i]}, reference {expected[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Multiply_OddShapesAllTransposes_MatchesReference(GemmKernelKind kind)
    {
        var random = new Random(1234 + (int)kind);
        int[] sizes = [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 47, 64, 67];
        float[] alphas = [1f, -0.5f, 2f, 0f];
        float[] betas = [0f, 1f, -0.5f, 2f];
        for (int trial = 0; trial < 120; trial++)
        {
            int m = trial < 14 ? sizes[trial] : 1 + random.Next(67);
            int n = trial < 14 ? sizes[13 - trial] : 1 + random.Next(67);
            int k = trial < 14 ? sizes[(trial * 5) % 14] : 1 + random.Next(67);
            CheckAgainstReference(random, kind, 1 + trial % 3, trial % 2 == 1, trial / 2 % 2 == 1, m, n, k,
                alphas[trial % 4], betas[trial / 4 % 4], pad: trial % 3);
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Multiply_LargeShapes_MatchesReference(bool transA, bool transB)
    {
        var random = new Random(99);
        // Larger than one packed block in every dimension (MC = 512, KC = 256, NC = 512) on some axis.
        CheckAgainstReference(random, Gemm.Kernel, 2, transA, transB, 130, 70, 1582, 1f, 0f, pad: 0);
        CheckAgainstReference(random, Gemm.Kernel, 2, transA, transB, 520, 33, 300, -0.5f, 2f, pad: 3);
        CheckAgainstReference(random, Gemm.Kernel, 3, transA, transB, 9, 600, 257, 2f, 1f, pad: 1);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Multiply_AnyThreadCount_GivesBitIdenticalResult(bool transA, bool transB)
    {
        var random = new Random(7);
        foreach (var (m, n, k) in new[] { (64, 1030, 600), (700, 90, 300), (67, 129, 1000) })
        {
            var (ar, ac) = StoredA(transA, m, k);
            var (br, bc) = StoredB(transB, k, n);
            var a = RandomArray(random, ar * ac);
            var b = RandomArray(random, br * bc);
            var c0 = RandomArray(random, m * n);
            float[]? first = null;
            foreach (int threads in new[] { 1, 2, 3, 4 })
            {
                var c = (float[])c0.Clone();
                Gemm.Multiply(transA, transB, m, n, k, 0.7f, a, ac, b, bc, 0.3f, c, n, threads, Gemm.Kernel);
                if (first is null)
                    first = c;
                else
                    Assert.True(first.AsSpan().SequenceEqual(c), $"{threads} threads differ from 1 thread at ({m}, {n}, {k})");
            }
        }
    }

    [Fact]
    public void Multiply_MatrixViews_UsesRowsOfTheView()
    {
        var random = new Random(5);
        var x = new Matrix(RandomArray(random, 10 * 40), 0, 10, 40);
        var w = new Matrix(RandomArray(random, 50 * 40), 0, 50, 40);
        var y = new Matrix(RandomArray(random, 12 * 50), 0, 12, 50);
        var xs = x.RowsView(3, 6);
        var ys = y.RowsView(4, 6);
        var expected = y.Clone();
        GemmReference.Multiply(false, true, 6, 50, 40, 1f, x.Buffer.AsSpan(3 * 40), 40, w.Buffer, 40, 0f, expected.Buffer.AsSpan(4 * 50), 50);
        Gemm.Multiply(xs, false, w, true, ys);
        for (int i = 0; i < y.Length; i++)
            Assert.True(Math.Abs(expected.Buffer[i] - y.Buffer[i]) <= 1e-5f, $"element {i}: {y.Buffer[i]} vs {expected.Buffer[i]}");
    }

    [Fact]
    public void Multiply_BetaZero_IgnoresNaNInC()
    {
        var a = Matrix.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var c = new Matrix(2, 2);
        c.Span.Fill(float.NaN);
        Gemm.Multiply(a, false, a, false, c);
        Assert.Equal([7f, 10f, 15f, 22f], c.Span.ToArray());
    }

    [Fact]
    public void Multiply_KZero_ScalesC()
    {
        var a = new Matrix(3, 0);
        var b = new Matrix(0, 2);
        var c = new Matrix(3, 2);
        c.Span.Fill(2f);
        Gemm.Multiply(a, false, b, false, c, 1f, 0.5f);
        Assert.All(c.Span.ToArray(), v => Assert.Equal(1f, v));
    }

    [Theory]
    [InlineData(false, false, 3, 4, 5, 6, 3, 6)]   // inner dimensions 4 vs 5
    [InlineData(false, true, 3, 4, 6, 4, 3, 5)]    // C has 5 columns, op(B) gives 6
    [InlineData(true, false, 4, 3, 4, 6, 4, 6)]    // C has 4 rows, op(A) gives 3
    public void Multiply_ShapeMismatch_ThrowsNamingShapes(bool transA, bool transB, int ar, int ac, int br, int bc, int cr, int cc)
    {
        var ex = Assert.Throws<ShapeMismatchException>(() =>
            Gemm.Multiply(new Matrix(ar, ac), transA, new Matrix(br, bc), transB, new Matrix(cr, cc)));
        Assert.Contains($"({ar}, {ac})", ex.Message);
        Assert.Contains($"({cr}, {cc})", ex.Message);
    }

    [Fact]
    public void Multiply_SpanTooShortForStride_Throws()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() =>
            Gemm.Multiply(false, false, 4, 4, 4, 1f, new float[16], 5, new float[16], 4, 0f, new float[16], 4));
        Assert.Contains("operand A", ex.Message);
    }

    [Fact]
    public void Multiply_SteadyState_DoesNotAllocate()
    {
        var random = new Random(3);
        var a = new Matrix(RandomArray(random, 64 * 300), 0, 64, 300);
        var w = new Matrix(RandomArray(random, 200 * 300), 0, 200, 300);
        var y = new Matrix(64, 200);
        Gemm.Multiply(a, false, w, true, y);
        const int calls = 40;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
            Gemm.Multiply(a, false, w, true, y);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The smallest object is 24 bytes; a lock object created once on the first blocking wait is
        // allowed, one allocation per call is not.
        Assert.True(allocated <= 24 * 2, $"{allocated} bytes allocated in {calls} calls");
    }
}
