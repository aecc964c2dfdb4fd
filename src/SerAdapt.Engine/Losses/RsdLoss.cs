namespace SerAdapt.Engine;

/// <summary>
/// Representation Subspace Distance (Chen, Wang, Long, "Representation Subspace Distance for Domain
/// Adaptation Regression", ICML 2021, Sec. 4, Eq. 5-8) between source features a (n, d) and target
/// features b (n, d):
///     U_s, U_t = orthonormal bases of the row spaces of a and b (d x n; torch.svd(a.t()).U),
///     U_s^T U_t = P_s diag(cos theta) P_t^T (the principal angles theta_i between the subspaces),
///     L = sum_i sin theta_i + <see cref="BasesWeight"/> ||abs(P_s) - abs(P_t)||_F,
/// the subspace distance plus the bases-mismatch penalty (abs() makes it independent of each principal
/// vector's sign). All in double through <see cref="Svd"/> and <see cref="SymmetricEigen"/>:
/// cos^2 theta and P_t are the eigenpairs of M^T M, P_s the eigenvectors of M M^T, M = U_s^T U_t.
/// Source and target batches must have the same number of rows (P_s and P_t are then both n x n), and the
/// subspaces only say something when d &gt;= 2n: otherwise they must share at least 2n - d directions.
/// Guards, stated: sin theta = sqrt(max(1 - cos^2, 0)) has an unbounded gradient at theta = 0, so a
/// direction with 1 - cos^2 &lt; 1e-12 gets no gradient (PyTorch gives inf or NaN there); the eigenvector
/// backward drops degenerate pairs (<see cref="SymmetricEigen"/>).
/// </summary>
public sealed class RsdLoss(double basesWeight = 0.01) : Loss
{
    private const double SineFloor = 1e-12;

    private readonly Svd _source = new(), _target = new();
    private double[] _a = [], _b = [], _m = [], _h = [], _mu = [], _p = [], _q = [], _work = [];
    private double[] _gradMu = [], _gradP = [], _gradQ = [], _gradH1 = [], _gradH2 = [], _gradM = [];
    private double[] _gradUs = [], _gradUt = [], _gradA = [], _gradB = [], _muS = [];

    public override string Name => "RSD";

    /// <summary>Weight of the bases-mismatch penalty relative to the sum of sines.</summary>
    public double BasesWeight { get; } = basesWeight >= 0 && double.IsFinite(basesWeight) ? basesWeight
        : throw new ArgumentOutOfRangeException(nameof(basesWeight), basesWeight, "must be finite and >= 0");

    /// <summary>||abs(P_s) - abs(P_t)||_F at the last forward.</summary>
    public double BasesMismatch { get; private set; }

    protected override void CheckShapes(Matrix a, Matrix b)
    {
        if (a.Cols != b.Cols || a.Rows != b.Rows || a.Rows < 1)
            throw new ShapeMismatchException(
                $"{Name}: source features {a.ShapeString} and target features {b.ShapeString} need the same shape (equal batch sizes).");
    }

    protected override float ForwardCore(Matrix a, Matrix b)
    {
        int n = a.Rows, d = a.Cols;
        _source.Forward(DoubleBuffer.From(a, ref _a), n, d);
        _target.Forward(DoubleBuffer.From(b, ref _b), n, d);
        var m = DoubleBuffer.Ensure(ref _m, n * n);
        DenseDouble.Multiply(_source.Right, d, n, true, _target.Right, d, n, false, m);
        var h = DoubleBuffer.Ensure(ref _h, n * n);
        var work = DoubleBuffer.Ensure(ref _work, 2 * n * n);
        // M M^T = P_s diag(cos^2) P_s^T
        DenseDouble.Multiply(m, n, n, false, m, n, n, true, h);
        SymmetricEigen.Decompose(h, n, DoubleBuffer.Ensure(ref _muS, n), DoubleBuffer.Ensure(ref _p, n * n), work);
        // M^T M = P_t diag(cos^2) P_t^T
        DenseDouble.Multiply(m, n, n, true, m, n, n, false, h);
        var mu = DoubleBuffer.Ensure(ref _mu, n);
        SymmetricEigen.Decompose(h, n, mu, DoubleBuffer.Ensure(ref _q, n * n), work);
        double sines = 0, mismatch = 0;
        for (int i = 0; i < n; i++) sines += Math.Sqrt(Math.Max(1 - mu[i], 0));
        var p = _p.AsSpan(0, n * n);
        var q = _q.AsSpan(0, n * n);
        for (int i = 0; i < n * n; i++)
        {
            double diff = Math.Abs(p[i]) - Math.Abs(q[i]);
            mismatch += diff * diff;
        }
        BasesMismatch = Math.Sqrt(mismatch);
        return (float)(sines + BasesWeight * BasesMismatch);
    }

    protected override void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB)
    {
        int n = a.Rows, d = a.Cols;
        var mu = _mu.AsSpan(0, n);
        var p = _p.AsSpan(0, n * n);
        var q = _q.AsSpan(0, n * n);
        var m = _m.AsSpan(0, n * n);
        var work = DoubleBuffer.Ensure(ref _work, 2 * n * n);

        // d sin_i / d mu_i = -1 / (2 sin_i), mu_i = cos^2 theta_i.
        var gmu = DoubleBuffer.Ensure(ref _gradMu, n);
        for (int i = 0; i < n; i++)
        {
            double sin2 = 1 - mu[i];
            gmu[i] = sin2 < SineFloor ? 0 : -scale / (2 * Math.Sqrt(sin2));
        }
        // d ||D||_F / dD = D / ||D||_F, D = abs(P_s) - abs(P_t); then through abs.
        var gp = DoubleBuffer.Ensure(ref _gradP, n * n);
        var gq = DoubleBuffer.Ensure(ref _gradQ, n * n);
        double c = BasesMismatch > 0 ? scale * BasesWeight / BasesMismatch : 0;
        for (int i = 0; i < n * n; i++)
        {
            double diff = Math.Abs(p[i]) - Math.Abs(q[i]);
            gp[i] = c * diff * Math.Sign(p[i]);
            gq[i] = -c * diff * Math.Sign(q[i]);
        }
        var g1 = DoubleBuffer.Ensure(ref _gradH1, n * n);
        var g2 = DoubleBuffer.Ensure(ref _gradH2, n * n);
        SymmetricEigen.Backward(_muS.AsSpan(0, n), p, n, [], gp, g1, work);
        SymmetricEigen.Backward(mu, q, n, gmu, gq, g2, work);
        // H1 = M M^T, H2 = M^T M (G1, G2 symmetric): M_bar = 2 G1 M + 2 M G2.
        var gm = DoubleBuffer.Ensure(ref _gradM, n * n);
        DenseDouble.Multiply(g1, n, n, false, m, n, n, false, gm, alpha: 2);
        DenseDouble.Multiply(m, n, n, false, g2, n, n, false, gm, beta: 1, alpha: 2);
        // M = U_s^T U_t: U_s_bar = U_t M_bar^T, U_t_bar = U_s M_bar.
        var gus = DoubleBuffer.Ensure(ref _gradUs, d * n);
        var gut = DoubleBuffer.Ensure(ref _gradUt, d * n);
        DenseDouble.Multiply(_target.Right, d, n, false, gm, n, n, true, gus);
        DenseDouble.Multiply(_source.Right, d, n, false, gm, n, n, false, gut);
        var ga = DoubleBuffer.Ensure(ref _gradA, n * d);
        var gb = DoubleBuffer.Ensure(ref _gradB, n * d);
        ga.Clear();
        gb.Clear();
        _source.Backward(gus, [], [], ga);
        _target.Backward(gut, [], [], gb);
        DoubleBuffer.CopyTo(ga, gradA);
        DoubleBuffer.CopyTo(gb, gradB);
    }
}
