namespace SerAdapt.Evaluation.Tests;

public class TsneGradientTests
{
    private const int N = 25;

    // A random symmetric P with zero diagonal summing to 1, and a random layout.
    private static (double[] P, double[] Y) Problem(int seed)
    {
        var random = new Random(seed);
        var p = new double[N * N];
        for (int i = 0; i < N; i++)
            for (int j = i + 1; j < N; j++)
                p[i * N + j] = p[j * N + i] = random.NextDouble() * random.NextDouble();
        double sum = p.Sum();
        for (int k = 0; k < p.Length; k++) p[k] /= sum;
        var y = Enumerable.Range(0, 2 * N).Select(_ => 3 * SyntheticPoints.Gaussian(random)).ToArray();
        return (p, y);
    }

    // KL(P || Q) with q_ij = (1 + |y_i - y_j|^2)^-1 / sum_kl (1 + |y_k - y_l|^2)^-1.
    private static double KullbackLeibler(double[] p, double[] y)
    {
        double z = 0;
        var w = new double[N * N];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
            {
                if (i == j) continue;
                double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                w[i * N + j] = 1 / (1 + dx * dx + dy * dy);
                z += w[i * N + j];
            }
        double kl = 0;
        for (int k = 0; k < p.Length; k++)
            if (p[k] > 0) kl += p[k] * Math.Log(p[k] / (w[k] / z));
        return kl;
    }

    private static readonly ParallelOptions Serial = new() { MaxDegreeOfParallelism = 1 };

    [Fact]
    public void ExactGradient_MatchesFiniteDifferencesOfKl()
    {
        var (p, y) = Problem(1);
        var grad = new double[2 * N];
        new Tsne.ExactGradient(p, N, Serial).Compute(y, 1, grad);
        const double h = 1e-6;
        for (int c = 0; c < 2 * N; c++)
        {
            double keep = y[c];
            y[c] = keep + h; double up = KullbackLeibler(p, y);
            y[c] = keep - h; double down = KullbackLeibler(p, y);
            y[c] = keep;
            Assert.Equal((up - down) / (2 * h), grad[c], 6);
        }
    }

    /// <summary>The exact gradient and the Barnes-Hut one (from the same affinities as a sparse matrix of every off-diagonal pair).</summary>
    private static (double[] Exact, double[] BarnesHut) ExactAndBarnesHut(double[] p, double[] y, double exaggeration, double theta)
    {
        var rowStart = new int[N + 1];
        var cols = new List<int>();
        var values = new List<double>();
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
                if (j != i) { cols.Add(j); values.Add(p[i * N + j]); }
            rowStart[i + 1] = cols.Count;
        }
        var exact = new double[2 * N];
        var bh = new double[2 * N];
        new Tsne.ExactGradient(p, N, Serial).Compute(y, exaggeration, exact);
        new Tsne.BarnesHutGradient(new SparseAffinities(rowStart, cols.ToArray(), values.ToArray()), N, theta, Serial).Compute(y, exaggeration, bh);
        return (exact, bh);
    }

    [Fact]
    public void BarnesHutGradient_ThetaZero_EqualsExact()
    {
        var (p, y) = Problem(2);
        var (exact, bh) = ExactAndBarnesHut(p, y, 12, 0);
        for (int c = 0; c < 2 * N; c++)
            Assert.Equal(exact[c], bh[c], 12);
    }

    [Fact]
    public void BarnesHutGradient_ThetaHalf_IsCloseToExact()
    {
        var (p, y) = Problem(3);
        var (exact, bh) = ExactAndBarnesHut(p, y, 1, 0.5);
        double norm = Math.Sqrt(exact.Sum(v => v * v));
        double diff = Math.Sqrt(exact.Zip(bh, (a, b) => (a - b) * (a - b)).Sum());
        Assert.True(diff < 0.05 * norm, $"relative gradient error {diff / norm}");
    }
}
