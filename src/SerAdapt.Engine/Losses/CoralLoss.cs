namespace SerAdapt.Engine;

/// <summary>
/// Deep CORAL loss (Sun &amp; Saenko, "Deep CORAL: Correlation Alignment for Deep Domain
/// Adaptation", ECCV 2016 workshops): ||C_s - C_t||_F^2 / (4 d^2) between the unbiased
/// covariances of source features a (n_s, d) and target features b (n_t, d).
/// Gradients: dL/da = a_c (C_s - C_t) / (d^2 (n_s - 1)), dL/db = -b_c (C_s - C_t) / (d^2 (n_t - 1)),
/// with a_c, b_c the column-centred features.
/// </summary>
public sealed class CoralLoss : Loss
{
    private Matrix? _centeredA;
    private Matrix? _centeredB;
    private Matrix? _covA;
    private Matrix? _covB;
    private Matrix? _diff;
    private double[] _mean = [];

    public override string Name => "CORAL";

    /// <summary>Most threads for its covariance products (0, the default: all cores); results do not depend on it.</summary>
    public int Threads { get; init; }

    protected override void CheckShapes(Matrix a, Matrix b)
    {
        if (a.Cols != b.Cols || a.Rows < 2 || b.Rows < 2)
            throw new ShapeMismatchException(
                $"{Name}: source features {a.ShapeString} and target features {b.ShapeString} need the same width and at least 2 rows each.");
    }

    protected override float ForwardCore(Matrix a, Matrix b)
    {
        int d = a.Cols;
        var covA = Covariance(a, ref _centeredA, ref _covA);
        var covB = Covariance(b, ref _centeredB, ref _covB);
        ReadOnlySpan<float> ca = covA.Span, cb = covB.Span;
        double sum = 0;
        for (int i = 0; i < ca.Length; i++)
        {
            double diff = ca[i] - cb[i];
            sum += diff * diff;
        }
        return (float)(sum / (4.0 * d * d));
    }

    protected override void BackwardCore(Matrix a, Matrix b, float scale, Matrix gradA, Matrix gradB)
    {
        int d = a.Cols;
        var diff = MatrixCache.Ensure(ref _diff, d, d);
        System.Numerics.Tensors.TensorPrimitives.Subtract(_covA!.Span, _covB!.Span, diff.Span);
        Gemm.Multiply(_centeredA!, false, diff, false, gradA, (float)(scale / ((double)d * d * (a.Rows - 1))), threads: Threads);
        Gemm.Multiply(_centeredB!, false, diff, false, gradB, (float)(-scale / ((double)d * d * (b.Rows - 1))), threads: Threads);
    }

    // x: (n, d) -> centred x (n, d) and C = x_c^T x_c / (n - 1) (d, d)
    private Matrix Covariance(Matrix x, ref Matrix? centered, ref Matrix? cov)
    {
        int n = x.Rows, d = x.Cols;
        var xc = MatrixCache.Ensure(ref centered, n, d);
        var c = MatrixCache.Ensure(ref cov, d, d);
        if (_mean.Length != d)
            _mean = new double[d];
        var mean = _mean;
        Array.Clear(mean);
        for (int r = 0; r < n; r++)
            WideningSum.Add(x.Row(r), mean);
        for (int r = 0; r < n; r++)
        {
            var row = x.Row(r);
            var outRow = xc.Row(r);
            for (int j = 0; j < d; j++)
                outRow[j] = (float)(row[j] - mean[j] / n);
        }
        Gemm.Multiply(xc, true, xc, false, c, 1f / (n - 1), threads: Threads);
        return c;
    }
}
