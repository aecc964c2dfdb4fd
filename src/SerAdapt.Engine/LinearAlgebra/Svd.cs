namespace SerAdapt.Engine;

/// <summary>
/// Thin singular value decomposition A = V diag(sigma) W^T of a wide matrix A (r x c, r rows of features
/// of width c, normally r &lt;= c), in double, through the eigendecomposition of the small Gram matrix
/// G = A A^T = V diag(lambda) V^T (<see cref="SymmetricEigen"/>): sigma = sqrt(lambda) (descending),
/// V (r x r) the left vectors, W = A^T V diag(1 / sigma) (c x r) the right vectors, i.e. the orthonormal
/// basis of the row space of A (what torch.svd(A.t()) calls U). Rank guard: a direction with
/// sigma_i &lt;= 1e-7 sigma_max (lambda below 1e-14 of the largest) carries no information in double; its
/// column of W is set to 0 and it gets no gradient.
/// <para>
/// Backward from W_bar (and V_bar, lambda_bar): with Z = A^T V and rho_i = lambda_i^(-1/2), W = Z diag(rho), so
/// Z_bar = W_bar diag(rho), lambda_bar_i = -1/2 lambda_i^(-3/2) sum_k Z_ki W_bar_ki (+ lambda_bar_i),
/// A_bar = V Z_bar^T + 2 G_bar A, V_bar = A Z_bar (+ V_bar), G_bar from <see cref="SymmetricEigen.Backward"/>.
/// </para>
/// </summary>
public sealed class Svd
{
    /// <summary>Singular values at or below this fraction of the largest are treated as zero.</summary>
    public const double RankTolerance = 1e-7;

    private double[] _a = [], _gram = [], _values = [], _left = [], _right = [], _z = [], _work = [];
    private double[] _gradValues = [], _gradLeft = [], _gradZ = [], _gradGram = [];

    public int Rows { get; private set; }

    public int Cols { get; private set; }

    // Whether the last forward computed W (a caller that needs only lambda and V skips the c x r product).
    private bool _hasRight;

    /// <summary>lambda = sigma^2, descending (r).</summary>
    public ReadOnlySpan<double> Eigenvalues => _values.AsSpan(0, Rows);

    /// <summary>V, row-major (r x r).</summary>
    public ReadOnlySpan<double> Left => _left.AsSpan(0, Rows * Rows);

    /// <summary>W, row-major (c x r); columns of dropped directions are 0. Only after a forward with the right vectors.</summary>
    public ReadOnlySpan<double> Right => _hasRight ? _right.AsSpan(0, Cols * Rows)
        : throw new InvalidOperationException("Svd: the last forward did not compute the right vectors.");

    public double Singular(int i) => Math.Sqrt(Math.Max(_values[i], 0));

    /// <summary>Whether direction i is above the rank tolerance.</summary>
    public bool Kept(int i) => _values[i] > RankTolerance * RankTolerance * _values[0] && _values[i] > 0;

    // a: (r, c) row-major; rightVectors false: lambda and V only (Backward then takes no gradient to W).
    public void Forward(ReadOnlySpan<double> a, int rows, int cols, bool rightVectors = true)
    {
        if (rows < 1 || cols < 1 || a.Length < rows * cols)
            throw new ShapeMismatchException($"Svd: a {rows} x {cols} matrix needs {rows * cols} values, got {a.Length}.");
        Rows = rows;
        Cols = cols;
        var copy = DoubleBuffer.Ensure(ref _a, rows * cols);
        a[..(rows * cols)].CopyTo(copy);
        var gram = DoubleBuffer.Ensure(ref _gram, rows * rows);
        DenseDouble.Multiply(copy, rows, cols, false, copy, rows, cols, true, gram);
        var values = DoubleBuffer.Ensure(ref _values, rows);
        var left = DoubleBuffer.Ensure(ref _left, rows * rows);
        SymmetricEigen.Decompose(gram, rows, values, left, DoubleBuffer.Ensure(ref _work, 2 * rows * rows));
        _hasRight = rightVectors;
        if (!rightVectors) return;
        var z = DoubleBuffer.Ensure(ref _z, cols * rows);
        DenseDouble.Multiply(copy, rows, cols, true, left, rows, rows, false, z);
        var right = DoubleBuffer.Ensure(ref _right, cols * rows);
        for (int k = 0; k < cols; k++)
            for (int i = 0; i < rows; i++)
                right[k * rows + i] = Kept(i) ? z[k * rows + i] / Math.Sqrt(values[i]) : 0;
    }

    /// <summary>
    /// Adds to <paramref name="gradA"/> (r x c) the gradient of a loss whose gradients are
    /// <paramref name="gradRight"/> to W (c x r), <paramref name="gradLeft"/> to V (r x r) and
    /// <paramref name="gradEigenvalues"/> to lambda = sigma^2 (r); each may be empty for none.
    /// </summary>
    public void Backward(ReadOnlySpan<double> gradRight, ReadOnlySpan<double> gradLeft, ReadOnlySpan<double> gradEigenvalues, Span<double> gradA)
    {
        int r = Rows, c = Cols;
        var a = _a.AsSpan(0, r * c);
        var values = _values.AsSpan(0, r);
        var left = _left.AsSpan(0, r * r);
        var gv = DoubleBuffer.Ensure(ref _gradValues, r);
        var gl = DoubleBuffer.Ensure(ref _gradLeft, r * r);
        if (gradEigenvalues.IsEmpty) gv.Clear();
        else gradEigenvalues[..r].CopyTo(gv);
        if (gradLeft.IsEmpty) gl.Clear();
        else gradLeft[..(r * r)].CopyTo(gl);
        if (!gradRight.IsEmpty)
        {
            if (!_hasRight) throw new InvalidOperationException("Svd: a gradient to W needs a forward that computed W.");
            var z = _z.AsSpan(0, c * r);
            var gz = DoubleBuffer.Ensure(ref _gradZ, c * r);
            for (int i = 0; i < r; i++)
            {
                bool kept = Kept(i);
                double rho = kept ? 1 / Math.Sqrt(values[i]) : 0;
                double dot = 0;
                for (int k = 0; k < c; k++)
                {
                    dot += z[k * r + i] * gradRight[k * r + i];
                    gz[k * r + i] = gradRight[k * r + i] * rho;
                }
                if (kept) gv[i] += -0.5 * rho * rho * rho * dot;
            }
            // Z = A^T V: A_bar += V Z_bar^T, V_bar += A Z_bar.
            DenseDouble.Multiply(left, r, r, false, gz, c, r, true, gradA, beta: 1);
            DenseDouble.Multiply(a, r, c, false, gz, c, r, false, gl, beta: 1);
        }
        var gg = DoubleBuffer.Ensure(ref _gradGram, r * r);
        SymmetricEigen.Backward(values, left, r, gv, gl, gg, DoubleBuffer.Ensure(ref _work, 2 * r * r));
        // G = A A^T: A_bar += 2 G_bar A (G_bar symmetric).
        DenseDouble.Multiply(gg, r, r, false, a, r, c, false, gradA, beta: 1, alpha: 2);
    }
}
