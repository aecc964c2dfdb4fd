namespace SerAdapt.Engine.Tests;

/// <summary>SymmetricEigen and Svd: reconstruction, orthogonality, order, degenerate inputs, and their backward in double.</summary>
public class LinearAlgebraTests
{
    private static double[] Random(int seed, int rows, int cols)
    {
        var rng = new Random(seed);
        var a = new double[rows * cols];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextDouble() * 2 - 1;
        return a;
    }

    private static double[] Symmetric(int seed, int n)
    {
        var r = Random(seed, n, n);
        var a = new double[n * n];
        DenseDouble.Multiply(r, n, n, false, r, n, n, true, a);
        for (int i = 0; i < n; i++) a[i * n + i] -= 1; // indefinite
        return a;
    }

    private static (double[] Values, double[] Vectors) Eigen(double[] a, int n)
    {
        var values = new double[n];
        var vectors = new double[n * n];
        SymmetricEigen.Decompose(a, n, values, vectors, new double[n * n]);
        return (values, vectors);
    }

    private static void AssertOrthonormalColumns(double[] v, int rows, int cols, double tol = 1e-12)
    {
        var g = new double[cols * cols];
        DenseDouble.Multiply(v, rows, cols, true, v, rows, cols, false, g);
        for (int i = 0; i < cols; i++)
            for (int j = 0; j < cols; j++)
                Assert.True(Math.Abs(g[i * cols + j] - (i == j ? 1 : 0)) < tol, $"V^T V [{i},{j}] = {g[i * cols + j]}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(33)]
    public void Decompose_Reconstructs_OrthonormalVectors_ValuesDescending(int n)
    {
        var a = Symmetric(n, n);
        var (values, v) = Eigen(a, n);
        AssertOrthonormalColumns(v, n, n);
        for (int i = 1; i < n; i++) Assert.True(values[i - 1] >= values[i]);
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
            {
                double s = 0;
                for (int i = 0; i < n; i++) s += v[r * n + i] * values[i] * v[c * n + i];
                Assert.True(Math.Abs(s - a[r * n + c]) < 1e-12 * n, $"({r},{c}): {s} vs {a[r * n + c]}");
            }
    }

    [Fact]
    public void Decompose_RepeatedAndZeroEigenvalues_GivesThemExactly()
    {
        // diag(2, 2, 0, 5) rotated by an orthogonal Q from a random matrix's eigenvectors.
        int n = 4;
        var (_, q) = Eigen(Symmetric(3, n), n);
        double[] d = [2, 2, 0, 5];
        var a = new double[n * n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
                for (int i = 0; i < n; i++) a[r * n + c] += q[r * n + i] * d[i] * q[c * n + i];
        var (values, v) = Eigen(a, n);
        Assert.Equal([5, 2, 2, 0], values.Select(x => Math.Round(x, 12)).ToArray());
        AssertOrthonormalColumns(v, n, n);
        var (identityValues, _) = Eigen([1, 0, 0, 1], 2);
        Assert.Equal([1.0, 1.0], identityValues);
    }

    [Fact]
    public void Decompose_NonFiniteEntry_FailsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => Eigen([1, double.NaN, double.NaN, 1], 2));
        Assert.Contains("(0, 1)", ex.Message);
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences_OfValuesAndVectorTerms()
    {
        // L(A) = sum_i w_i lambda_i + sum_ij c_ij |V_ij| (sign-invariant in each eigenvector).
        int n = 5;
        var a = Symmetric(11, n);
        var w = Random(12, 1, n);
        var c = Random(13, n, n);
        double Loss(double[] m)
        {
            var (values, v) = Eigen(m, n);
            double s = 0;
            for (int i = 0; i < n; i++) s += w[i] * values[i];
            for (int i = 0; i < n * n; i++) s += c[i] * Math.Abs(v[i]);
            return s;
        }
        var (lambda, vec) = Eigen(a, n);
        var gv = new double[n * n];
        for (int i = 0; i < n * n; i++) gv[i] = c[i] * Math.Sign(vec[i]);
        var grad = new double[n * n];
        SymmetricEigen.Backward(lambda, vec, n, w, gv, grad, new double[2 * n * n]);
        const double h = 1e-6;
        for (int r = 0; r < n; r++)
            for (int col = r; col < n; col++)
            {
                // Symmetric perturbation of (r, col) and (col, r): dL = grad_rc + grad_cr (once on the diagonal).
                var plus = (double[])a.Clone();
                var minus = (double[])a.Clone();
                plus[r * n + col] += h; minus[r * n + col] -= h;
                if (r != col) { plus[col * n + r] += h; minus[col * n + r] -= h; }
                double numeric = (Loss(plus) - Loss(minus)) / (2 * h);
                double analytic = r == col ? grad[r * n + r] : 2 * grad[r * n + col];
                Assert.True(Math.Abs(numeric - analytic) < 1e-6 + 1e-6 * Math.Abs(numeric), $"({r},{col}): {analytic} vs {numeric}");
            }
    }

    [Fact]
    public void Backward_DegenerateEigenvalues_StaysFinite()
    {
        var (lambda, vec) = Eigen([3, 0, 0, 0, 3, 0, 0, 0, 1], 3);
        var grad = new double[9];
        SymmetricEigen.Backward(lambda, vec, 3, [], Enumerable.Repeat(1.0, 9).ToArray(), grad, new double[18]);
        Assert.All(grad, g => Assert.True(double.IsFinite(g)));
    }

    [Fact]
    public void Svd_Reconstructs_RightVectorsOrthonormal_SingularValuesOfGram()
    {
        int r = 4, c = 9;
        var a = Random(5, r, c);
        var svd = new Svd();
        svd.Forward(a, r, c);
        var w = svd.Right.ToArray();
        AssertOrthonormalColumns(w, c, r);
        var left = svd.Left.ToArray();
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++)
            {
                double s = 0;
                for (int k = 0; k < r; k++) s += left[i * r + k] * svd.Singular(k) * w[j * r + k];
                Assert.True(Math.Abs(s - a[i * c + j]) < 1e-12, $"({i},{j}): {s} vs {a[i * c + j]}");
            }
    }

    [Fact]
    public void Svd_RankDeficient_DropsTheNullDirection()
    {
        // Row 2 = row 0 + row 1: rank 2 of 3.
        int r = 3, c = 5;
        var a = Random(8, r, c);
        for (int j = 0; j < c; j++) a[2 * c + j] = a[j] + a[c + j];
        var svd = new Svd();
        svd.Forward(a, r, c);
        Assert.True(svd.Kept(1));
        Assert.False(svd.Kept(2));
        Assert.All(Enumerable.Range(0, c), j => Assert.Equal(0, svd.Right[j * r + 2]));
        var kept = new double[c * 2];
        for (int j = 0; j < c; j++) (kept[j * 2], kept[j * 2 + 1]) = (svd.Right[j * r], svd.Right[j * r + 1]);
        AssertOrthonormalColumns(kept, c, 2, tol: 1e-10);
    }

    [Fact]
    public void Svd_Backward_MatchesFiniteDifferences()
    {
        // L(A) = sum c_ij |W_ij| + sum w_i lambda_i + sum e_ij |V_ij|.
        int r = 3, c = 7;
        var a = Random(21, r, c);
        var cw = Random(22, c, r);
        var wl = Random(23, 1, r);
        var cv = Random(24, r, r);
        double Loss(double[] m)
        {
            var s = new Svd();
            s.Forward(m, r, c);
            double l = 0;
            for (int i = 0; i < c * r; i++) l += cw[i] * Math.Abs(s.Right[i]);
            for (int i = 0; i < r; i++) l += wl[i] * s.Eigenvalues[i];
            for (int i = 0; i < r * r; i++) l += cv[i] * Math.Abs(s.Left[i]);
            return l;
        }
        var svd = new Svd();
        svd.Forward(a, r, c);
        var gr = new double[c * r];
        for (int i = 0; i < gr.Length; i++) gr[i] = cw[i] * Math.Sign(svd.Right[i]);
        var gl = new double[r * r];
        for (int i = 0; i < gl.Length; i++) gl[i] = cv[i] * Math.Sign(svd.Left[i]);
        var grad = new double[r * c];
        svd.Backward(gr, gl, wl, grad);
        const double h = 1e-6;
        for (int i = 0; i < a.Length; i++)
        {
            var plus = (double[])a.Clone();
            var minus = (double[])a.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (Loss(plus) - Loss(minus)) / (2 * h);
            Assert.True(Math.Abs(numeric - grad[i]) < 1e-6 + 1e-6 * Math.Abs(numeric), $"[{i}]: {grad[i]} vs {numeric}");
        }
    }
}
