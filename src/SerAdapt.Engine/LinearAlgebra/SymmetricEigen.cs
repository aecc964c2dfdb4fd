namespace SerAdapt.Engine;

/// <summary>
/// Eigendecomposition of a real symmetric matrix, A = V diag(lambda) V^T, by the cyclic Jacobi method in
/// double (Golub &amp; Van Loan, Matrix Computations, 4th ed., 8.5): rotations zero each off-diagonal entry
/// in turn until the off-diagonal mass is below 1e-15 of the whole (or 100 sweeps, far more than the
/// handful Jacobi needs); accurate to a few ulps even for tiny eigenvalues, and cheap for the batch-sized
/// (tens of rows) Gram matrices it is used on. Eigenvalues come sorted descending; column i of V
/// (row-major n x n) is the unit eigenvector of eigenvalue i, its sign arbitrary.
/// <para>
/// Backward (Giles 2008, "An extended collection of matrix derivative results", 3.1): for a symmetric
/// perturbation dA, d lambda_i = v_i^T dA v_i and dV = V (F o (V^T dA V)), so with upstream gradients
/// lambda_bar and V_bar
///     A_bar = V (diag(lambda_bar) + F o (V^T V_bar)) V^T, symmetrised as (A_bar + A_bar^T) / 2,
///     F_ij = 1 / (lambda_j - lambda_i) for i != j, F_ii = 0.
/// Degenerate-eigenvalue guard: F_ij is set to 0 when |lambda_i - lambda_j| &lt; 1e-10 max(1, max_k |lambda_k|).
/// Within a (near-)repeated eigenvalue the eigenvectors are not defined individually and the true
/// gradient is unbounded; dropping those terms is exact for any loss that depends on the eigenspace only
/// and keeps the step finite otherwise (PyTorch's eigh gives inf or NaN there).
/// </para>
/// </summary>
public static class SymmetricEigen
{
    /// <summary>Relative gap below which two eigenvalues count as equal in the backward.</summary>
    public const double DegenerateGap = 1e-10;

    private const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues (descending) and eigenvectors (columns of the row-major <paramref name="vectors"/>) of the
    /// symmetric n x n <paramref name="a"/>; <paramref name="work"/> holds n * n doubles. Only a's upper
    /// triangle and diagonal are read (a is taken as symmetric).
    /// </summary>
    public static void Decompose(ReadOnlySpan<double> a, int n, Span<double> values, Span<double> vectors, Span<double> work)
    {
        if (n < 1 || a.Length < n * n || values.Length < n || vectors.Length < n * n || work.Length < n * n)
            throw new ShapeMismatchException($"SymmetricEigen: buffers too short for a {n} x {n} matrix.");
        var m = work[..(n * n)];
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                double x = a[i * n + j];
                if (!double.IsFinite(x))
                    throw new ArgumentException($"SymmetricEigen: entry ({i}, {j}) is {x}.");
                m[i * n + j] = m[j * n + i] = x;
                total += (i == j ? 1 : 2) * x * x;
            }
        vectors[..(n * n)].Clear();
        for (int i = 0; i < n; i++) vectors[i * n + i] = 1;

        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    off += 2 * m[i * n + j] * m[i * n + j];
            if (off <= 1e-30 * total || off == 0)
                break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                    Rotate(m, vectors, n, p, q);
        }

        for (int i = 0; i < n; i++) values[i] = m[i * n + i];
        // Selection sort, descending, swapping eigenvector columns alongside (n is small).
        for (int i = 0; i < n - 1; i++)
        {
            int best = i;
            for (int j = i + 1; j < n; j++)
                if (values[j] > values[best]) best = j;
            if (best == i) continue;
            (values[i], values[best]) = (values[best], values[i]);
            for (int r = 0; r < n; r++)
                (vectors[r * n + i], vectors[r * n + best]) = (vectors[r * n + best], vectors[r * n + i]);
        }
    }

    // One Jacobi rotation J (J_pp = J_qq = c, J_pq = s, J_qp = -s) with m <- J^T m J zeroing m_pq; v <- v J.
    private static void Rotate(Span<double> m, Span<double> v, int n, int p, int q)
    {
        double apq = m[p * n + q];
        if (apq == 0) return;
        double theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        if (theta == 0) t = 1;
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double mkp = m[k * n + p], mkq = m[k * n + q];
            m[k * n + p] = c * mkp - s * mkq;
            m[k * n + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++)
        {
            double mpk = m[p * n + k], mqk = m[q * n + k];
            m[p * n + k] = c * mpk - s * mqk;
            m[q * n + k] = s * mpk + c * mqk;
        }
        m[p * n + q] = m[q * n + p] = 0;
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k * n + p], vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }

    /// <summary>
    /// Gradient of a scalar loss to the symmetric input, (A_bar + A_bar^T) / 2 with A_bar as in the class
    /// comment, from the gradients to the eigenvalues (<paramref name="gradValues"/>, empty for none) and to
    /// the eigenvectors (<paramref name="gradVectors"/>, row-major like V, empty for none).
    /// <paramref name="work"/> holds 2 n * n doubles.
    /// </summary>
    public static void Backward(ReadOnlySpan<double> values, ReadOnlySpan<double> vectors, int n,
        ReadOnlySpan<double> gradValues, ReadOnlySpan<double> gradVectors, Span<double> gradA, Span<double> work)
    {
        if (work.Length < 2 * n * n || gradA.Length < n * n)
            throw new ShapeMismatchException($"SymmetricEigen.Backward: buffers too short for a {n} x {n} matrix.");
        var inner = work[..(n * n)];
        var half = work.Slice(n * n, n * n);
        inner.Clear();
        if (!gradVectors.IsEmpty)
        {
            DenseDouble.Multiply(vectors, n, n, true, gradVectors, n, n, false, inner);
            double scale = 1;
            for (int i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(values[i]));
            double gap = DegenerateGap * scale;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double diff = values[j] - values[i];
                    inner[i * n + j] = i == j || Math.Abs(diff) < gap ? 0 : inner[i * n + j] / diff;
                }
        }
        if (!gradValues.IsEmpty)
            for (int i = 0; i < n; i++) inner[i * n + i] += gradValues[i];
        DenseDouble.Multiply(vectors, n, n, false, inner, n, n, false, half);
        DenseDouble.Multiply(half, n, n, false, vectors, n, n, true, gradA);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double s = 0.5 * (gradA[i * n + j] + gradA[j * n + i]);
                gradA[i * n + j] = gradA[j * n + i] = s;
            }
    }
}
