namespace SerAdapt.Engine;

/// <summary>
/// Multi-kernel maximum mean discrepancy (Gretton et al. 2012; DAN: Long, Cao, Wang, Jordan, "Learning
/// Transferable Features with Deep Adaptation Networks", ICML 2015, Eq. 2-3) between source features
/// a (n_s, d) and target features b (n_t, d), the QUADRATIC biased estimator (V-statistic):
/// MMD^2 = mean_{i,j in s} k(a_i, a_j) + mean_{i,j in t} k(b_i, b_j) - 2 mean_{i in s, j in t} k(a_i, b_j),
/// k(x, y) = sum_{u=0}^{K-1} exp(-||x - y||^2 / (2 sigma_u^2)), sigma_u^2 = beta * m^(u - floor(K/2)),
/// beta = the mean squared distance between distinct rows of [a; b]: a geometric family of K bandwidths
/// around the batch's mean distance, with equal kernel weights (DAN learns the weights beta_u; we fix
/// them, as thuml/Transfer-Learning-Library does). The bandwidths are constants for the gradient
/// (detached, as in DAN and tllib); <see cref="FixedBandwidth"/> pins beta (gradient checks).
/// Gradient, with W the estimator's weights (1/n_s^2, 1/n_t^2, -1/(n_s n_t)) and z = [a; b]:
/// dL/dz_i = 4 sum_j W_ij k'(D_ij) (z_i - z_j), k'(D) = -sum_u exp(-D / (2 sigma_u^2)) / (2 sigma_u^2).
/// Cost O((n_s + n_t)^2 d) in double.
/// </summary>
public sealed class MmdLoss(int kernels = 5, double multiplier = 2.0) : Loss
{
    private double[] _z = [];
    private double[] _d = [];
    private double[] _sigma2 = [];
    private double[] _g = [];

    public override string Name => "MMD";

    public int Kernels { get; } = kernels > 0 ? kernels : throw new ArgumentOutOfRangeException(nameof(kernels));

    public double Multiplier { get; } = multiplier > 0 ? multiplier : throw new ArgumentOutOfRangeException(nameof(multiplier));

    /// <summary>When set, beta (the base squared bandwidth) instead of the batch's mean squared distance.</summary>
    public double? FixedBandwidth { get; set; }

    /// <summary>beta of the last forward.</summary>
    public double LastBandwidth { get; private set; }

    protected override void CheckShapes(Matrix a, Matrix b)
    {
        if (a.Cols != b.Cols || a.Rows < 1 || b.Rows < 1 || a.Rows + b.Rows < 3)
            throw new ShapeMismatchException(
                $"{Name}: source features {a.ShapeString} and target features {b.ShapeString} need the same width and rows in both.");
    }

    protected override float ForwardCore(Matrix a, Matrix b)
    {
        int ns = a.Rows, n = a.Rows + b.Rows, dim = a.Cols;
        if (_z.Length != n * dim) _z = new double[n * dim];
        if (_d.Length != n * n) _d = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            var row = r < ns ? a.Row(r) : b.Row(r - ns);
            for (int c = 0; c < dim; c++) _z[r * dim + c] = row[c];
        }
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                double s = 0;
                for (int c = 0; c < dim; c++)
                {
                    double diff = _z[i * dim + c] - _z[j * dim + c];
                    s += diff * diff;
                }
                _d[i * n + j] = _d[j * n + i] = s;
                total += 2 * s;
            }
        LastBandwidth = FixedBandwidth ?? Math.Max(total / ((double)n * n - n), 1e-12);
        if (_sigma2.Length != Kernels) _sigma2 = new double[Kernels];
        for (int u = 0; u < Kernels; u++)
            _sigma2[u] = LastBandwidth * Math.Pow(Multiplier, u - Kernels / 2);
        double loss = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double k = 0;
                for (int u = 0; u < Kernels; u++) k += Math.Exp(-_d[i * n + j] / (2 * _sigma2[u]));
                loss += Weight(i, j, ns, n) * k;
            }
        return (float)loss;
    }

    protected override void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB)
    {
        int ns = a.Rows, n = a.Rows + b.Rows, dim = a.Cols;
        if (_g.Length != dim) _g = new double[dim];
        var g = _g;
        for (int i = 0; i < n; i++)
        {
            Array.Clear(g);
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue;
                double kPrime = 0;
                for (int u = 0; u < Kernels; u++) kPrime -= Math.Exp(-_d[i * n + j] / (2 * _sigma2[u])) / (2 * _sigma2[u]);
                double coefficient = 4 * Weight(i, j, ns, n) * kPrime;
                for (int c = 0; c < dim; c++) g[c] += coefficient * (_z[i * dim + c] - _z[j * dim + c]);
            }
            var row = i < ns ? gradA.Row(i) : gradB.Row(i - ns);
            for (int c = 0; c < dim; c++) row[c] = (float)(scale * g[c]);
        }
    }

    // W_ij of the quadratic estimator: 1/n_s^2 within the source, 1/n_t^2 within the target, -1/(n_s n_t) across.
    private static double Weight(int i, int j, int ns, int n)
    {
        int nt = n - ns;
        bool si = i < ns, sj = j < ns;
        return si && sj ? 1.0 / ((double)ns * ns) : !si && !sj ? 1.0 / ((double)nt * nt) : -1.0 / ((double)ns * nt);
    }
}
