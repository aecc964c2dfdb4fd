namespace SerAdapt.Engine;

/// <summary>
/// DARE-GRAM (Nejjar, Wang, Fink, "DARE-GRAM: Unsupervised Domain Adaptation Regression by Aligning
/// Inverse Gram Matrices", WACV 2024, Sec. 3) between source features a (n_s, d) and target features
/// b (n_t, d). With a column of ones prepended (the regressor's bias), X = [1, a] (n x D, D = d + 1), the
/// Gram matrix X^T X has eigenvalues lambda_1 &gt;= lambda_2 &gt;= ... and its rank-k pseudo-inverse
/// G^+ = X^T U_k diag(lambda^-2) U_k^T X (X X^T = U diag(lambda) U^T), where k is the fewest leading
/// eigenvalues whose share of sum(lambda) reaches <see cref="Threshold"/> T, the larger of the source's and
/// the target's k (k is not differentiated):
///     L = alpha ||1 - cos(G_s^+, G_t^+)||_1 / D + gamma ||lambda_s[:k] - lambda_t[:k]||_2 / k,
/// cos taken column by column (angle alignment), the second term the scale alignment.
/// Everything is computed through the batch-sized n x n Gram matrices (column j of G^+ is
/// X^T K X e_j with K = U_k diag(lambda^-2) U_k^T), so no D x D matrix is formed.
/// Where the authors' code (ismailnejjar/DARE-GRAM) differs, stated: it takes for k the last index
/// whose cumulative share is &lt;= T (at least 1), one fewer than the paper's "fewest explaining T"
/// used here; it computes torch.linalg.pinv of the D x D matrix (same value); cosine similarity clamps
/// each column norm at 1e-6 (as torch 1.13), as here.
/// </summary>
public sealed class DareGramLoss : Loss
{
    private const double NormFloor = 1e-6;

    private readonly Side _s = new(), _t = new();
    private double[] _sab = [], _ks = [], _x = [], _y = [], _v = [], _cos = [], _dot = [];
    private double[] _gx = [], _gs = [], _tmp = [], _gDot = [];

    /// <param name="angleWeight">alpha, the weight of the angle alignment.</param>
    /// <param name="scaleWeight">gamma, the weight of the scale alignment.</param>
    /// <param name="threshold">T in (0, 1], the share of the variance the k leading eigenvalues explain.</param>
    public DareGramLoss(double angleWeight = 0.05, double scaleWeight = 0.001, double threshold = 0.9)
    {
        if (!(angleWeight >= 0) || !(scaleWeight >= 0) || !double.IsFinite(angleWeight) || !double.IsFinite(scaleWeight))
            throw new ArgumentOutOfRangeException(nameof(angleWeight), "DARE-GRAM weights must be finite and >= 0.");
        if (!(threshold > 0 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must be in (0, 1]");
        AngleWeight = angleWeight;
        ScaleWeight = scaleWeight;
        Threshold = threshold;
    }

    public override string Name => "DARE-GRAM";

    public double AngleWeight { get; }

    public double ScaleWeight { get; }

    public double Threshold { get; }

    /// <summary>k of the last forward.</summary>
    public int Components { get; private set; }

    /// <summary>||1 - cos||_1 / D of the last forward (unweighted).</summary>
    public double AngleAlignment { get; private set; }

    /// <summary>||lambda_s[:k] - lambda_t[:k]||_2 / k of the last forward (unweighted).</summary>
    public double ScaleAlignment { get; private set; }

    protected override void CheckShapes(Matrix a, Matrix b)
    {
        if (a.Cols != b.Cols || a.Rows < 1 || b.Rows < 1)
            throw new ShapeMismatchException(
                $"{Name}: source features {a.ShapeString} and target features {b.ShapeString} need the same width and rows in both.");
    }

    // Per domain: X = [1, features] (n x D), its thin SVD (lambda, U), K = U_k diag(lambda^-2) U_k^T,
    // N = U_k diag(lambda^-3) U_k^T = K X X^T K, Z = N X, q_j = ||column j of G^+||^2 = x_j^T N x_j,
    // and the gradients to them.
    private sealed class Side
    {
        public readonly Svd Svd = new();
        public double[] X = [], K = [], N = [], Z = [], Q = [], GradX = [], GradK = [], GradN = [], GradU = [], GradLambda = [], Sym = [], Weighted = [];
        public int Rows;

        public void Forward(Matrix features, int cols)
        {
            Rows = features.Rows;
            var x = DoubleBuffer.Ensure(ref X, Rows * cols);
            for (int r = 0; r < Rows; r++)
            {
                x[r * cols] = 1;
                var row = features.Row(r);
                for (int c = 1; c < cols; c++) x[r * cols + c] = row[c - 1];
            }
            Svd.Forward(x, Rows, cols, rightVectors: false); // the Gram route needs lambda and V only
        }

        // The fewest leading eigenvalues whose share of the sum reaches the threshold (at least 1).
        public int Fewest(double threshold)
        {
            var lambda = Svd.Eigenvalues;
            double total = 0;
            foreach (var l in lambda) total += Math.Max(l, 0);
            double cumulative = 0;
            for (int i = 0; i < lambda.Length; i++)
            {
                cumulative += Math.Max(lambda[i], 0);
                if (cumulative >= threshold * total) return i + 1;
            }
            return lambda.Length;
        }

        public void Build(int k, int cols)
        {
            int n = Rows;
            var u = Svd.Left;
            var lambda = Svd.Eigenvalues;
            var kk = DoubleBuffer.Ensure(ref K, n * n);
            var nn = DoubleBuffer.Ensure(ref N, n * n);
            kk.Clear();
            nn.Clear();
            for (int i = 0; i < k; i++)
            {
                double l2 = 1 / (lambda[i] * lambda[i]), l3 = l2 / lambda[i];
                for (int r = 0; r < n; r++)
                    for (int c = 0; c < n; c++)
                    {
                        double uu = u[r * n + i] * u[c * n + i];
                        kk[r * n + c] += l2 * uu;
                        nn[r * n + c] += l3 * uu;
                    }
            }
            var z = DoubleBuffer.Ensure(ref Z, n * cols);
            DenseDouble.Multiply(nn, n, n, false, X, n, cols, false, z);
            var q = DoubleBuffer.Ensure(ref Q, cols);
            ColumnDots(X, z, n, cols, q);
        }

        public void StartBackward(int cols)
        {
            DoubleBuffer.Ensure(ref GradX, Rows * cols).Clear();
            DoubleBuffer.Ensure(ref GradK, Rows * Rows).Clear();
            DoubleBuffer.Ensure(ref GradLambda, Rows).Clear();
        }

        // gradQ: dL/dq_j. X_bar += 2 Z diag(gradQ) (N symmetric), N_bar = X diag(gradQ) X^T.
        public void BackwardNorms(ReadOnlySpan<double> gradQ, int cols)
        {
            int n = Rows;
            var gx = GradX.AsSpan(0, n * cols);
            var w = DoubleBuffer.Ensure(ref Weighted, n * cols);
            for (int r = 0; r < n; r++)
                for (int c = 0; c < cols; c++)
                {
                    gx[r * cols + c] += 2 * gradQ[c] * Z[r * cols + c];
                    w[r * cols + c] = gradQ[c] * X[r * cols + c];
                }
            DenseDouble.Multiply(w, n, cols, false, X, n, cols, true, DoubleBuffer.Ensure(ref GradN, n * n));
        }

        // K = sum_i<k lambda_i^-2 u_i u_i^T, N = sum_i<k lambda_i^-3 u_i u_i^T, then through the SVD; features_bar = X_bar[:, 1:].
        public void Finish(int k, int cols, Matrix gradFeatures)
        {
            int n = Rows;
            var u = Svd.Left;
            var lambda = Svd.Eigenvalues;
            var gl = GradLambda.AsSpan(0, n);
            var gu = DoubleBuffer.Ensure(ref GradU, n * n);
            gu.Clear();
            var sym = DoubleBuffer.Ensure(ref Sym, 2 * n * n);
            var ks = sym[..(n * n)];
            var ns = sym.Slice(n * n, n * n);
            for (int r = 0; r < n; r++)
                for (int c = 0; c < n; c++)
                {
                    ks[r * n + c] = GradK[r * n + c] + GradK[c * n + r];
                    ns[r * n + c] = GradN[r * n + c] + GradN[c * n + r];
                }
            for (int i = 0; i < k; i++)
            {
                double l2 = 1 / (lambda[i] * lambda[i]), l3 = l2 / lambda[i];
                double quadK = 0, quadN = 0;
                for (int r = 0; r < n; r++)
                {
                    double kr = 0, nr = 0;
                    for (int c = 0; c < n; c++)
                    {
                        kr += ks[r * n + c] * u[c * n + i];
                        nr += ns[r * n + c] * u[c * n + i];
                    }
                    gu[r * n + i] = l2 * kr + l3 * nr;
                    quadK += u[r * n + i] * kr;
                    quadN += u[r * n + i] * nr;
                }
                // u^T K_bar u = u^T (K_bar + K_bar^T) u / 2.
                gl[i] += -2 * l2 / lambda[i] * quadK / 2 - 3 * l3 / lambda[i] * quadN / 2;
            }
            var gx = GradX.AsSpan(0, n * cols);
            Svd.Backward([], gu, gl, gx);
            DoubleBuffer.CopyTo(ColumnsFrom1(gx, n, cols), gradFeatures);
        }

        // X_bar without its first column (the ones), compacted in place to (n x (D - 1)).
        private static Span<double> ColumnsFrom1(Span<double> g, int n, int cols)
        {
            for (int r = 0; r < n; r++)
                for (int c = 1; c < cols; c++)
                    g[r * (cols - 1) + c - 1] = g[r * cols + c];
            return g[..(n * (cols - 1))];
        }
    }

    // out_j = sum_r a_rj b_rj
    private static void ColumnDots(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int rows, int cols, Span<double> result)
    {
        result.Clear();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                result[c] += a[r * cols + c] * b[r * cols + c];
    }

    protected override float ForwardCore(Matrix a, Matrix b)
    {
        int cols = a.Cols + 1, ns = a.Rows, nt = b.Rows;
        _s.Forward(a, cols);
        _t.Forward(b, cols);
        int k = Math.Min(Math.Max(_s.Fewest(Threshold), _t.Fewest(Threshold)), Math.Min(ns, nt));
        while (k > 1 && !(_s.Svd.Kept(k - 1) && _t.Svd.Kept(k - 1))) k--;
        if (!_s.Svd.Kept(0) || !_t.Svd.Kept(0))
            throw new ArgumentException($"{Name}: a batch's features with the ones column have no nonzero singular value.");
        Components = k;
        _s.Build(k, cols);
        _t.Build(k, cols);
        // S = X_s X_t^T, X = K_s S K_t (n_s x n_t); Y = X X_t, dot_j = x_sj^T X x_tj.
        var sab = DoubleBuffer.Ensure(ref _sab, ns * nt);
        DenseDouble.Multiply(_s.X, ns, cols, false, _t.X, nt, cols, true, sab);
        var ks = DoubleBuffer.Ensure(ref _ks, ns * nt);
        DenseDouble.Multiply(_s.K, ns, ns, false, sab, ns, nt, false, ks);
        var x = DoubleBuffer.Ensure(ref _x, ns * nt);
        DenseDouble.Multiply(ks, ns, nt, false, _t.K, nt, nt, false, x);
        var y = DoubleBuffer.Ensure(ref _y, ns * cols);
        DenseDouble.Multiply(x, ns, nt, false, _t.X, nt, cols, false, y);
        var dot = DoubleBuffer.Ensure(ref _dot, cols);
        ColumnDots(_s.X, y, ns, cols, dot);
        var cos = DoubleBuffer.Ensure(ref _cos, cols);
        double angle = 0;
        for (int j = 0; j < cols; j++)
        {
            cos[j] = dot[j] / (Math.Max(Math.Sqrt(_s.Q[j]), NormFloor) * Math.Max(Math.Sqrt(_t.Q[j]), NormFloor));
            angle += Math.Abs(1 - cos[j]);
        }
        AngleAlignment = angle / cols;
        double scale = 0;
        for (int i = 0; i < k; i++)
        {
            double diff = _s.Svd.Eigenvalues[i] - _t.Svd.Eigenvalues[i];
            scale += diff * diff;
        }
        ScaleAlignment = Math.Sqrt(scale) / k;
        return (float)(AngleWeight * AngleAlignment + ScaleWeight * ScaleAlignment);
    }

    protected override void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB)
    {
        int cols = a.Cols + 1, ns = a.Rows, nt = b.Rows, k = Components;
        _s.StartBackward(cols);
        _t.StartBackward(cols);
        var cos = _cos.AsSpan(0, cols);
        var gDot = DoubleBuffer.Ensure(ref _gDot, 3 * cols);
        var gd = gDot[..cols];
        var gqs = gDot.Slice(cols, cols);
        var gqt = gDot.Slice(2 * cols, cols);
        for (int j = 0; j < cols; j++)
        {
            // cos_j = dot_j / (max(|g_s|, eps) max(|g_t|, eps)), |g| = sqrt(q).
            double gc = -scale * AngleWeight / cols * Math.Sign(1 - cos[j]);
            double ls = Math.Sqrt(_s.Q[j]), lt = Math.Sqrt(_t.Q[j]);
            gd[j] = gc / (Math.Max(ls, NormFloor) * Math.Max(lt, NormFloor));
            gqs[j] = ls > NormFloor ? -gc * cos[j] / ls / (2 * ls) : 0;
            gqt[j] = lt > NormFloor ? -gc * cos[j] / lt / (2 * lt) : 0;
        }
        // Scale alignment: d ||diff||_2 / d lambda_s,i = diff_i / ||diff||_2.
        double norm = ScaleAlignment * k;
        if (norm > 0)
            for (int i = 0; i < k; i++)
            {
                double g = scale * ScaleWeight / k * (_s.Svd.Eigenvalues[i] - _t.Svd.Eigenvalues[i]) / norm;
                _s.GradLambda[i] += g;
                _t.GradLambda[i] -= g;
            }
        _s.BackwardNorms(gqs, cols);
        _t.BackwardNorms(gqt, cols);

        // dot_j = x_sj^T X x_tj: X_s_bar[:, j] += gd_j (X X_t)[:, j], X_t_bar[:, j] += gd_j (X^T X_s)[:, j],
        // X_bar = X_s diag(gd) X_t^T.
        var y = _y.AsSpan(0, ns * cols);
        var v = DoubleBuffer.Ensure(ref _v, nt * cols);
        DenseDouble.Multiply(_x, ns, nt, true, _s.X, ns, cols, false, v);
        var w = DoubleBuffer.Ensure(ref _tmp, Math.Max(ns, nt) * cols);
        for (int r = 0; r < ns; r++)
            for (int c = 0; c < cols; c++)
            {
                _s.GradX[r * cols + c] += gd[c] * y[r * cols + c];
                w[r * cols + c] = gd[c] * _s.X[r * cols + c];
            }
        for (int r = 0; r < nt; r++)
            for (int c = 0; c < cols; c++)
                _t.GradX[r * cols + c] += gd[c] * v[r * cols + c];
        var gx = DoubleBuffer.Ensure(ref _gx, ns * nt);
        DenseDouble.Multiply(w, ns, cols, false, _t.X, nt, cols, true, gx);
        // X = K_s S K_t: K_s_bar = X_bar K_t S^T, S_bar = K_s X_bar K_t, K_t_bar = (K_s S)^T X_bar.
        var xk = DoubleBuffer.Ensure(ref _tmp, Math.Max(ns * nt, Math.Max(ns, nt) * cols))[..(ns * nt)];
        DenseDouble.Multiply(gx, ns, nt, false, _t.K, nt, nt, false, xk);
        DenseDouble.Multiply(xk, ns, nt, false, _sab, ns, nt, true, _s.GradK);
        var gs = DoubleBuffer.Ensure(ref _gs, ns * nt);
        DenseDouble.Multiply(_s.K, ns, ns, false, xk, ns, nt, false, gs);
        DenseDouble.Multiply(_ks, ns, nt, true, gx, ns, nt, false, _t.GradK);
        // S = X_s X_t^T: X_s_bar += S_bar X_t, X_t_bar += S_bar^T X_s.
        DenseDouble.Multiply(gs, ns, nt, false, _t.X, nt, cols, false, _s.GradX, beta: 1);
        DenseDouble.Multiply(gs, ns, nt, true, _s.X, ns, cols, false, _t.GradX, beta: 1);
        _s.Finish(k, cols, gradA);
        _t.Finish(k, cols, gradB);
    }
}
