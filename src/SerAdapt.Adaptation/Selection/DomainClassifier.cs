using System.Numerics.Tensors;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// The probabilistic domain classifier behind importance-weighted validation: L2-regularised logistic
/// regression of "target" (1) against "source" (0), whose odds estimate the density ratio
/// w(x) = p_t(x) / p_s(x) up to the class prior (Bickel, Brückner, Scheffer, JMLR 2009).
/// <list type="bullet">
/// <item>At most <see cref="MaxRowsPerDomain"/> rows per domain (a seeded subsample) are used to fit it.</item>
/// <item>The features are standardised with the pooled mean and standard deviation (for conditioning only);
/// the penalty is lambda/2 ||beta||^2 with lambda = 1/n (n rows fitted), the intercept unpenalised; the mean
/// log-loss plus the penalty is minimised by L-BFGS (memory 10, Armijo backtracking).</item>
/// <item><see cref="Weights"/>: w_i = exp(logit_i) divided by its mean over the rows weighted (so their
/// mean is 1: the class prior cancels), then clipped at <see cref="WeightClip"/> (IWCV's self-normalised weights).</item>
/// <item><see cref="DensityRatio"/>: w_i = (n_s / n_t) exp(logit_i), the odds corrected by the class prior of the
/// rows fitted, clipped at <see cref="WeightClip"/>: an estimate of p_t/p_s whose mean over source rows is near 1
/// but not forced to it (what DEV's control variate needs).</item>
/// </list>
/// </summary>
public sealed class DomainClassifier
{
    /// <summary>Largest importance weight kept: one row may count at most this many times the average.</summary>
    public const double WeightClip = 10;

    /// <summary>Rows of each domain used to fit the classifier.</summary>
    public const int MaxRowsPerDomain = 2000;

    private const int Memory = 10, MaxIterations = 300;
    private const double GradientTolerance = 1e-7;

    private readonly double[] _mean, _std, _beta;
    private readonly double _bias;
    // log(n_s / n_t) of the rows fitted: the class prior that the odds carry.
    private readonly double _logPrior;

    private DomainClassifier(double[] mean, double[] std, double[] beta, double bias, double logPrior)
    {
        _mean = mean;
        _std = std;
        _beta = beta;
        _bias = bias;
        _logPrior = logPrior;
    }

    /// <summary>Fits the classifier on rows of <paramref name="source"/> (label 0) and <paramref name="target"/> (label 1).</summary>
    public static DomainClassifier Fit(Matrix source, Matrix target, Rng rng)
    {
        if (source.Cols != target.Cols)
            throw new ShapeMismatchException($"The domain classifier got {source.Cols} source features and {target.Cols} target features; they must match.");
        if (source.Rows < 1 || target.Rows < 1)
            throw new ArgumentException($"The domain classifier needs rows of both domains (source {source.Rows}, target {target.Rows}).");
        var s = Sample(source, rng.Child("source"));
        var t = Sample(target, rng.Child("target"));
        int d = source.Cols, n = s.Length + t.Length;
        var rows = s.Select(r => source.Row(r).ToArray()).Concat(t.Select(r => target.Row(r).ToArray())).ToArray();
        var y = Enumerable.Range(0, n).Select(i => i < s.Length ? 0.0 : 1.0).ToArray();
        var mean = new double[d];
        var std = new double[d];
        for (int c = 0; c < d; c++)
        {
            double m = 0;
            foreach (var row in rows) m += row[c];
            m /= n;
            double v = 0;
            foreach (var row in rows) v += (row[c] - m) * (row[c] - m);
            mean[c] = m;
            std[c] = v > 0 ? Math.Sqrt(v / n) : 1;
        }
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < d; c++)
                x[i * d + c] = (rows[i][c] - mean[c]) / std[c];
        var theta = Minimise(new Objective(x, y, n, d, 1.0 / n), new double[d + 1]);
        return new DomainClassifier(mean, std, theta[..d], theta[d], Math.Log((double)s.Length / t.Length));
    }

    /// <summary>The classifier's log-odds "target vs source" of each row of <paramref name="features"/>.</summary>
    public double[] LogOdds(Matrix features)
    {
        if (features.Cols != _beta.Length)
            throw new ShapeMismatchException($"The domain classifier was fitted on {_beta.Length} features, not {features.Cols}.");
        var z = new double[features.Rows];
        for (int i = 0; i < z.Length; i++)
        {
            var row = features.Row(i);
            double sum = _bias;
            for (int c = 0; c < row.Length; c++) sum += _beta[c] * ((row[c] - _mean[c]) / _std[c]);
            z[i] = sum;
        }
        return z;
    }

    /// <summary>Importance weights of the rows of <paramref name="source"/>: mean 1 over them before the clip at <see cref="WeightClip"/>.</summary>
    public double[] Weights(Matrix source)
    {
        var z = LogOdds(source);
        if (z.Length == 0) return z;
        double max = z.Max();
        var w = z.Select(v => Math.Exp(v - max)).ToArray();
        double mean = w.Average();
        return w.Select(v => Math.Min(v / mean, WeightClip)).ToArray();
    }

    /// <summary>The density ratio p_t/p_s at each row of <paramref name="rows"/>: (n_s / n_t) exp(logit), clipped at <see cref="WeightClip"/>.</summary>
    public double[] DensityRatio(Matrix rows) =>
        LogOdds(rows).Select(z => Math.Exp(Math.Min(z + _logPrior, Math.Log(WeightClip)))).ToArray();

    private static int[] Sample(Matrix m, Rng rng) =>
        m.Rows <= MaxRowsPerDomain ? Enumerable.Range(0, m.Rows).ToArray()
            : rng.Permutation(m.Rows).Take(MaxRowsPerDomain).Order().ToArray();

    // Mean log-loss + lambda/2 ||beta||^2; theta = (beta, bias).
    private sealed class Objective(double[] x, double[] y, int n, int d, double lambda)
    {
        public double Evaluate(double[] theta, double[] gradient)
        {
            Array.Clear(gradient);
            double loss = 0;
            for (int i = 0; i < n; i++)
            {
                var row = x.AsSpan(i * d, d);
                double z = theta[d] + TensorPrimitives.Dot(theta.AsSpan(0, d), row);
                // log(1 + e^z) - y z, computed stably
                loss += (z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z))) - y[i] * z;
                double r = 1 / (1 + Math.Exp(-z)) - y[i];
                var g = gradient.AsSpan(0, d);
                TensorPrimitives.MultiplyAdd(row, r, g, g);
                gradient[d] += r;
            }
            for (int c = 0; c <= d; c++) gradient[c] /= n;
            double penalty = 0;
            for (int c = 0; c < d; c++)
            {
                penalty += theta[c] * theta[c];
                gradient[c] += lambda * theta[c];
            }
            return loss / n + lambda / 2 * penalty;
        }
    }

    // L-BFGS (Nocedal & Wright, Algorithm 7.4) with a backtracking Armijo line search.
    private static double[] Minimise(Objective f, double[] theta)
    {
        int k = theta.Length;
        var g = new double[k];
        double value = f.Evaluate(theta, g);
        var sHistory = new List<double[]>();
        var yHistory = new List<double[]>();
        var next = new double[k];
        var gNext = new double[k];
        for (int iteration = 0; iteration < MaxIterations && Norm(g) > GradientTolerance; iteration++)
        {
            var direction = TwoLoop(g, sHistory, yHistory);
            double slope = Dot(direction, g);
            if (slope >= 0)
            {
                // Not a descent direction: restart from steepest descent.
                sHistory.Clear();
                yHistory.Clear();
                direction = g.Select(v => -v).ToArray();
                slope = Dot(direction, g);
            }
            double step = 1, nextValue;
            while (true)
            {
                for (int i = 0; i < k; i++) next[i] = theta[i] + step * direction[i];
                nextValue = f.Evaluate(next, gNext);
                if (nextValue <= value + 1e-4 * step * slope || step < 1e-12) break;
                step /= 2;
            }
            var s = new double[k];
            var yv = new double[k];
            for (int i = 0; i < k; i++)
            {
                s[i] = next[i] - theta[i];
                yv[i] = gNext[i] - g[i];
            }
            if (Dot(s, yv) > 1e-12)
            {
                sHistory.Add(s);
                yHistory.Add(yv);
                if (sHistory.Count > Memory)
                {
                    sHistory.RemoveAt(0);
                    yHistory.RemoveAt(0);
                }
            }
            Array.Copy(next, theta, k);
            Array.Copy(gNext, g, k);
            bool stalled = value - nextValue <= 1e-15 * Math.Max(1, Math.Abs(value));
            value = nextValue;
            if (stalled) break;
        }
        return theta;
    }

    private static double[] TwoLoop(double[] g, List<double[]> s, List<double[]> y)
    {
        var q = (double[])g.Clone();
        var alpha = new double[s.Count];
        for (int j = s.Count - 1; j >= 0; j--)
        {
            alpha[j] = Dot(s[j], q) / Dot(y[j], s[j]);
            for (int i = 0; i < q.Length; i++) q[i] -= alpha[j] * y[j][i];
        }
        double gamma = s.Count > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1;
        for (int i = 0; i < q.Length; i++) q[i] *= gamma;
        for (int j = 0; j < s.Count; j++)
        {
            double beta = Dot(y[j], q) / Dot(y[j], s[j]);
            for (int i = 0; i < q.Length; i++) q[i] += (alpha[j] - beta) * s[j][i];
        }
        for (int i = 0; i < q.Length; i++) q[i] = -q[i];
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
