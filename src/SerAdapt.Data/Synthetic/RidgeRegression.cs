using System.Numerics;
using System.Runtime.InteropServices;

namespace SerAdapt.Data;

/// <summary>
/// Ridge regression in closed form, w = (Xc'Xc + lambda I)^-1 Xc'yc on centred data (the intercept is not
/// penalised), in double precision via a Cholesky factorisation. The plain baseline used to calibrate
/// the synthetic benchmark. Sums of cross products are kept per group of rows so that
/// leave-one-group-out fits cost one Gram matrix in total.
/// </summary>
public sealed class RidgeRegression
{
    private readonly int _d;
    private readonly Dictionary<string, Sums> _groups = new(StringComparer.Ordinal);

    private sealed class Sums(int d)
    {
        public readonly double[] Gram = new double[d * d]; // upper triangle used
        public readonly double[] X = new double[d];
        public readonly double[] Xy = new double[d];
        public double Y, Count;
    }

    /// <summary>
    /// Accumulates X'X, X'1, X'y and y sums of the labelled rows of <paramref name="corpus"/> per value of
    /// <paramref name="groups"/> (e.g. sessions); rows whose label is NaN are skipped.
    /// </summary>
    public RidgeRegression(Corpus corpus, float[] labels, string[] groups)
    {
        _d = corpus.Dimension;
        foreach (var g in Corpus.Distinct(groups))
        {
            var rows = Enumerable.Range(0, corpus.Count).Where(i => groups[i] == g && float.IsFinite(labels[i])).ToArray();
            var sums = new Sums(_d);
            AccumulateGram(corpus.Features, _d, rows, sums.Gram);
            foreach (int i in rows)
            {
                var x = corpus.Row(i);
                for (int j = 0; j < _d; j++) { sums.X[j] += x[j]; sums.Xy[j] += x[j] * (double)labels[i]; }
                sums.Y += labels[i];
            }
            sums.Count = rows.Length;
            _groups[g] = sums;
        }
    }

    public IReadOnlyCollection<string> Groups => _groups.Keys;

    /// <summary>Fits on all groups except <paramref name="leaveOut"/> (null: all) with penalty lambda = <paramref name="alpha"/> x n.</summary>
    public RidgeModel Fit(double alpha, string? leaveOut = null)
    {
        int d = _d;
        var total = new Sums(d);
        foreach (var (g, s) in _groups)
        {
            if (g == leaveOut) continue;
            Add(total.Gram, s.Gram);
            Add(total.X, s.X);
            Add(total.Xy, s.Xy);
            total.Y += s.Y;
            total.Count += s.Count;
        }
        if (total.Count < 2) throw new InvalidDataException("Ridge regression needs at least 2 labelled utterances.");
        double n = total.Count, my = total.Y / n;
        var mx = total.X.Select(v => v / n).ToArray();
        var a = total.Gram;
        double lambda = alpha * n;
        var b = new double[d];
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++) a[i * d + j] -= n * mx[i] * mx[j];
            a[i * d + i] += lambda;
            b[i] = total.Xy[i] - n * mx[i] * my;
        }
        var w = SolveCholesky(a, b, d);
        double bias = my;
        for (int j = 0; j < d; j++) bias -= w[j] * mx[j];
        return new RidgeModel(w, bias);
    }

    /// <summary>Convenience: one fit on all labelled rows.</summary>
    public static RidgeModel Fit(Corpus corpus, float[] labels, double alpha) =>
        new RidgeRegression(corpus, labels, new string[corpus.Count].Select(_ => "").ToArray()).Fit(alpha);

    private static void Add(double[] into, double[] from)
    {
        var a = MemoryMarshal.Cast<double, Vector<double>>(into.AsSpan());
        var b = MemoryMarshal.Cast<double, Vector<double>>(from.AsSpan());
        for (int k = 0; k < a.Length; k++) a[k] += b[k];
        for (int k = a.Length * Vector<double>.Count; k < into.Length; k++) into[k] += from[k];
    }

    /// <summary>
    /// Upper triangle of X'X for the given rows, in chunks of rows copied to feature-major double
    /// panels; 4 x 4 blocks of the result are accumulated in registers.
    /// </summary>
    private static void AccumulateGram(float[] features, int d, int[] rows, double[] gram)
    {
        const int chunk = 256;
        int dp = (d + 3) / 4 * 4;
        var panel = new double[dp * chunk];
        for (int start = 0; start < rows.Length; start += chunk)
        {
            int m = Math.Min(chunk, rows.Length - start);
            Array.Clear(panel);
            for (int r = 0; r < m; r++)
            {
                var x = features.AsSpan(rows[start + r] * d, d);
                for (int j = 0; j < d; j++) panel[j * chunk + r] = x[j];
            }
            int blocks = dp / 4;
            Parallel.For(0, blocks, bi =>
            {
                int i0 = bi * 4;
                for (int j0 = i0; j0 < dp; j0 += 4)
                    Block(panel, chunk, i0, j0, gram, d);
            });
        }
    }

    private static void Block(double[] panel, int chunk, int i0, int j0, double[] gram, int d)
    {
        var p = MemoryMarshal.Cast<double, Vector<double>>(panel.AsSpan());
        int vc = chunk / Vector<double>.Count;
        int a0 = i0 * vc, b0 = j0 * vc;
        Vector<double> s00 = default, s01 = default, s02 = default, s03 = default,
            s10 = default, s11 = default, s12 = default, s13 = default,
            s20 = default, s21 = default, s22 = default, s23 = default,
            s30 = default, s31 = default, s32 = default, s33 = default;
        for (int k = 0; k < vc; k++)
        {
            var x0 = p[a0 + k]; var x1 = p[a0 + vc + k]; var x2 = p[a0 + 2 * vc + k]; var x3 = p[a0 + 3 * vc + k];
            var y0 = p[b0 + k]; var y1 = p[b0 + vc + k]; var y2 = p[b0 + 2 * vc + k]; var y3 = p[b0 + 3 * vc + k];
            s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
            s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
            s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
            s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
        }
        Store(0, 0, s00); Store(0, 1, s01); Store(0, 2, s02); Store(0, 3, s03);
        Store(1, 0, s10); Store(1, 1, s11); Store(1, 2, s12); Store(1, 3, s13);
        Store(2, 0, s20); Store(2, 1, s21); Store(2, 2, s22); Store(2, 3, s23);
        Store(3, 0, s30); Store(3, 1, s31); Store(3, 2, s32); Store(3, 3, s33);

        void Store(int a, int b, Vector<double> sum)
        {
            int i = i0 + a, j = j0 + b;
            if (i < d && j < d && j >= i) gram[i * d + j] += Vector.Sum(sum);
        }
    }

    /// <summary>Solves A w = b for symmetric positive definite A given by its upper triangle (overwritten).</summary>
    private static double[] SolveCholesky(double[] a, double[] b, int d)
    {
        // Row-major lower factor L with L[i, 0..j] contiguous, so each entry is one vectorised dot product.
        var l = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            var li = l.AsSpan(i * d, d);
            for (int j = 0; j <= i; j++)
            {
                var lj = l.AsSpan(j * d, j);
                double s = a[j * d + i] - Dot(li[..j], lj);
                if (i == j)
                {
                    if (s <= 0) throw new InvalidOperationException("Ridge system is not positive definite.");
                    li[i] = Math.Sqrt(s);
                }
                else li[j] = s / l[j * d + j];
            }
        }
        var z = new double[d];
        for (int i = 0; i < d; i++) z[i] = (b[i] - Dot(l.AsSpan(i * d, i), z.AsSpan(0, i))) / l[i * d + i];
        var w = new double[d];
        for (int i = d - 1; i >= 0; i--)
        {
            double s = z[i];
            for (int k = i + 1; k < d; k++) s -= l[k * d + i] * w[k];
            w[i] = s / l[i * d + i];
        }
        return w;
    }

    internal static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var acc = Vector<double>.Zero;
        for (int k = 0; k < vx.Length; k++) acc += vx[k] * vy[k];
        double s = Vector.Sum(acc);
        for (int k = vx.Length * Vector<double>.Count; k < x.Length; k++) s += x[k] * y[k];
        return s;
    }
}
