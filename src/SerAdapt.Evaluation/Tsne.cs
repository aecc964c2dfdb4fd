using System.Numerics;
using SerAdapt.Engine;

namespace SerAdapt.Evaluation;

/// <summary>
/// t-distributed stochastic neighbour embedding into 2-D (van der Maaten &amp; Hinton 2008), with the
/// Barnes-Hut approximation for larger inputs (van der Maaten 2014). Follows the reference
/// implementation and scikit-learn: Gaussian input affinities calibrated per point to the
/// perplexity by binary search over squared distances, symmetrised P = (P_j|i + P_i|j) / 2n, a
/// Student-t kernel in the embedding, gradient 4 sum_j (p_ij - q_ij)(1 + |y_i - y_j|^2)^-1 (y_i - y_j),
/// early exaggeration, momentum, and per-coordinate adaptive gains (+0.2 / x0.8, floor 0.01).
/// Start: N(0, 1e-4^2) from the seed. Barnes-Hut uses the 3 * perplexity nearest neighbours for P
/// and a quadtree with opening angle theta for the repulsive forces. Deterministic for a seed,
/// whatever the degree of parallelism.
/// </summary>
public static class Tsne
{
    public static Matrix Embed(float[,] data, TsneOptions options, int seed, Action<TsneProgress>? progress = null, CancellationToken cancellation = default) =>
        Embed(Matrix.FromArray(data), options, seed, progress, cancellation);

    /// <summary>Embeds the rows of <paramref name="data"/> (n, d); returns (n, 2).</summary>
    public static Matrix Embed(Matrix data, TsneOptions options, int seed, Action<TsneProgress>? progress = null, CancellationToken cancellation = default)
    {
        int n = data.Rows;
        Validate(n, options);
        foreach (float v in data.Span)
            if (!float.IsFinite(v))
                throw new ArgumentException($"t-SNE input {data.ShapeString} contains a NaN or infinite value.");

        Matrix x = options.PcaComponents > 0 && data.Cols > options.PcaComponents
            ? Pca.Project(data, options.PcaComponents, seed)
            : data;
        TsneMethod method = options.Method == TsneMethod.Auto
            ? (n < options.ExactBelow ? TsneMethod.Exact : TsneMethod.BarnesHut)
            : options.Method;
        double learningRate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4, 50);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellation };

        IGradient gradient = method == TsneMethod.Exact
            ? new ExactGradient(ExactAffinities(x, options.Perplexity, parallel), n, parallel)
            : new BarnesHutGradient(SparseAffinities(x, options.Perplexity, parallel), n, options.Theta, parallel);

        var random = new Random(seed);
        var y = new double[2 * n];
        for (int i = 0; i < y.Length; i++)
            y[i] = 1e-4 * Gaussian(random);
        var grad = new double[2 * n];
        var update = new double[2 * n];
        var gains = new double[2 * n];
        Array.Fill(gains, 1.0);

        for (int it = 0; it < options.Iterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            bool exploring = it < options.ExaggerationIterations;
            gradient.Compute(y, exploring ? options.EarlyExaggeration : 1, grad);
            double momentum = exploring ? options.InitialMomentum : options.FinalMomentum;
            for (int c = 0; c < y.Length; c++)
            {
                gains[c] = update[c] * grad[c] < 0 ? gains[c] + 0.2 : Math.Max(gains[c] * 0.8, 0.01);
                update[c] = momentum * update[c] - learningRate * gains[c] * grad[c];
                y[c] += update[c];
            }
            Centre(y);
            if (progress is not null && ((it + 1) % 25 == 0 || it + 1 == options.Iterations))
                progress(new TsneProgress(it + 1, options.Iterations, method));
        }

        var result = new Matrix(n, 2);
        for (int i = 0; i < 2 * n; i++)
            result.Span[i] = (float)y[i];
        return result;
    }

    private static void Validate(int n, TsneOptions o)
    {
        if (o.Perplexity <= 0 || n - 1 <= o.Perplexity)
            throw new ArgumentException($"Perplexity {o.Perplexity} needs more than {o.Perplexity + 1} points; got {n}.");
        if (o.Iterations < 1 || o.ExaggerationIterations < 0 || o.EarlyExaggeration <= 0)
            throw new ArgumentException($"Invalid t-SNE schedule: {o.Iterations} iterations, exaggeration {o.EarlyExaggeration} for {o.ExaggerationIterations}.");
        if (o.Theta < 0 || o.LearningRate is <= 0)
            throw new ArgumentException($"Invalid t-SNE step: theta {o.Theta}, learning rate {o.LearningRate}.");
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static void Centre(double[] y)
    {
        int n = y.Length / 2;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += y[2 * i]; my += y[2 * i + 1]; }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) { y[2 * i] -= mx; y[2 * i + 1] -= my; }
    }

    /// <summary>
    /// Fills p with P_j|i proportional to exp(-beta d_j), beta found by bisection so that the entropy
    /// is log(perplexity) (nats), as scikit-learn's _binary_search_perplexity (tolerance 1e-5, 100 steps).
    /// Distances are shifted by their minimum first so large inputs do not underflow.
    /// </summary>
    internal static void ConditionalRow(ReadOnlySpan<float> squaredDistances, double perplexity, Span<double> p)
    {
        double target = Math.Log(perplexity);
        float dMin = float.MaxValue;
        foreach (float d in squaredDistances) dMin = Math.Min(dMin, d);
        double beta = 1, lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        for (int step = 0; step < 100; step++)
        {
            double sum = 0, weighted = 0;
            for (int j = 0; j < p.Length; j++)
            {
                double shifted = squaredDistances[j] - dMin;
                p[j] = Math.Exp(-shifted * beta);
                sum += p[j];
                weighted += shifted * p[j];
            }
            double entropy = Math.Log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            if (Math.Abs(diff) <= 1e-5) break;
            if (diff > 0)
            {
                lo = beta;
                beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2;
            }
            else
            {
                hi = beta;
                beta = double.IsNegativeInfinity(lo) ? beta / 2 : (beta + lo) / 2;
            }
        }
        double total = 0;
        foreach (double v in p) total += v;
        for (int j = 0; j < p.Length; j++) p[j] /= total;
    }

    // Dense symmetric P (n x n, row-major), summing to 1, entries at least 1e-12 off the diagonal.
    private static double[] ExactAffinities(Matrix x, double perplexity, ParallelOptions parallel)
    {
        int n = x.Rows;
        var norms = NearestNeighbours.SquaredNorms(x);
        var conditional = new double[n * n];
        Parallel.For(0, n, parallel, () => (Distances: new float[n], Row: new double[n - 1]), (i, _, buffers) =>
        {
            NearestNeighbours.DistanceRow(x.Row(i), x, norms, buffers.Distances);
            var others = buffers.Distances.AsSpan();
            // Drop the point itself: move the last distance into its slot, then undo when scattering.
            others[i] = others[n - 1];
            ConditionalRow(others[..(n - 1)], perplexity, buffers.Row);
            for (int j = 0; j < n - 1; j++)
                conditional[i * n + (j == i ? n - 1 : j)] = buffers.Row[j];
            return buffers;
        }, _ => { });
        var p = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                p[i * n + j] = i == j ? 0 : Math.Max((conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n), 1e-12);
        return p;
    }

    // Sparse symmetric P in CSR form over the 3 * perplexity nearest neighbours.
    private static SparseAffinities SparseAffinities(Matrix x, double perplexity, ParallelOptions parallel)
    {
        int n = x.Rows;
        int k = Math.Min(n - 1, (int)(3 * perplexity + 1));
        var (indices, distances) = NearestNeighbours.Search(x, x, k, excludeSelf: true, parallel.MaxDegreeOfParallelism);
        var conditional = new double[n * k];
        Parallel.For(0, n, parallel, i => ConditionalRow(distances.AsSpan(i * k, k), perplexity, conditional.AsSpan(i * k, k)));

        var entries = new (int Row, int Col, double Value)[2 * n * k];
        for (int i = 0; i < n; i++)
            for (int m = 0; m < k; m++)
            {
                int j = indices[i * k + m];
                double v = conditional[i * k + m] / (2.0 * n);
                entries[2 * (i * k + m)] = (i, j, v);
                entries[2 * (i * k + m) + 1] = (j, i, v);
            }
        Array.Sort(entries, (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Col.CompareTo(b.Col));

        var rowStart = new int[n + 1];
        var cols = new List<int>(entries.Length);
        var values = new List<double>(entries.Length);
        for (int e = 0; e < entries.Length; e++)
        {
            if (e > 0 && entries[e].Row == entries[e - 1].Row && entries[e].Col == entries[e - 1].Col)
            {
                values[^1] += entries[e].Value;
                continue;
            }
            cols.Add(entries[e].Col);
            values.Add(entries[e].Value);
            rowStart[entries[e].Row + 1] = cols.Count;
        }
        for (int i = 1; i <= n; i++)
            rowStart[i] = Math.Max(rowStart[i], rowStart[i - 1]);
        return new SparseAffinities(rowStart, cols.ToArray(), values.ToArray());
    }

    internal interface IGradient
    {
        // y, grad: (n * 2) interleaved coordinates; P is multiplied by exaggeration.
        void Compute(double[] y, double exaggeration, double[] grad);
    }

    // grad_i = 4 (exaggeration sum_j p_ij q_ij (y_i - y_j) - sum_j q_ij^2 (y_i - y_j) / Z), q_ij = (1 + |y_i - y_j|^2)^-1,
    // Z = sum_ij q_ij: both sums and Z accumulate in one pass over the pairs, row by row.
    internal sealed class ExactGradient(double[] p, int n, ParallelOptions parallel) : IGradient
    {
        private readonly double[] _attraction = new double[2 * n];
        private readonly double[] _repulsion = new double[2 * n];
        private readonly double[] _rowSums = new double[n];

        private readonly double[] _xs = new double[n];
        private readonly double[] _ys = new double[n];

        public void Compute(double[] y, double exaggeration, double[] grad)
        {
            for (int i = 0; i < n; i++) { _xs[i] = y[2 * i]; _ys[i] = y[2 * i + 1]; }
            Parallel.For(0, n, parallel, i =>
            {
                double xi = _xs[i], yi = _ys[i];
                var pRow = p.AsSpan(i * n, n);
                int w = Vector<double>.Count, j = 0;
                Vector<double> vax = default, vay = default, vrx = default, vry = default, vsum = default;
                var vxi = new Vector<double>(xi);
                var vyi = new Vector<double>(yi);
                for (; j <= n - w; j += w)
                {
                    var dx = vxi - new Vector<double>(_xs.AsSpan(j, w));
                    var dy = vyi - new Vector<double>(_ys.AsSpan(j, w));
                    var q = Vector<double>.One / (Vector<double>.One + dx * dx + dy * dy);
                    var pq = new Vector<double>(pRow.Slice(j, w)) * q;
                    var qq = q * q;
                    vax += pq * dx;
                    vay += pq * dy;
                    vrx += qq * dx;
                    vry += qq * dy;
                    vsum += q;
                }
                double ax = Vector.Sum(vax), ay = Vector.Sum(vay), rx = Vector.Sum(vrx), ry = Vector.Sum(vry), sum = Vector.Sum(vsum);
                for (; j < n; j++)
                {
                    double dx = xi - _xs[j], dy = yi - _ys[j];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    double pq = pRow[j] * q, qq = q * q;
                    ax += pq * dx;
                    ay += pq * dy;
                    rx += qq * dx;
                    ry += qq * dy;
                    sum += q;
                }
                // j = i contributed q = 1 to the sum and nothing else (dx = dy = 0, p_ii = 0).
                _rowSums[i] = sum - 1;
                _attraction[2 * i] = ax;
                _attraction[2 * i + 1] = ay;
                _repulsion[2 * i] = rx;
                _repulsion[2 * i + 1] = ry;
            });
            double z = 0;
            for (int i = 0; i < n; i++) z += _rowSums[i];
            for (int c = 0; c < 2 * n; c++)
                grad[c] = 4 * (exaggeration * _attraction[c] - _repulsion[c] / z);
        }
    }

    internal sealed class BarnesHutGradient(SparseAffinities p, int n, double theta, ParallelOptions parallel) : IGradient
    {
        private readonly QuadTree _tree = new();
        private readonly double[] _repulsion = new double[2 * n];
        private readonly double[] _sumQ = new double[n];

        public void Compute(double[] y, double exaggeration, double[] grad)
        {
            _tree.Build(y);
            Parallel.For(0, n, parallel, i =>
            {
                double rx = 0, ry = 0, sq = 0;
                _tree.Repulsion(i, theta, ref rx, ref ry, ref sq);
                _repulsion[2 * i] = rx;
                _repulsion[2 * i + 1] = ry;
                _sumQ[i] = sq;
            });
            double z = 0;
            for (int i = 0; i < n; i++) z += _sumQ[i];

            Parallel.For(0, n, parallel, i =>
            {
                double ax = 0, ay = 0, xi = y[2 * i], yi = y[2 * i + 1];
                for (int e = p.RowStart[i]; e < p.RowStart[i + 1]; e++)
                {
                    int j = p.Cols[e];
                    double dx = xi - y[2 * j], dy = yi - y[2 * j + 1];
                    double m = exaggeration * p.Values[e] / (1 + dx * dx + dy * dy);
                    ax += m * dx;
                    ay += m * dy;
                }
                grad[2 * i] = 4 * (ax - _repulsion[2 * i] / z);
                grad[2 * i + 1] = 4 * (ay - _repulsion[2 * i + 1] / z);
            });
        }
    }
}

/// <summary>Symmetric sparse P in compressed-row form.</summary>
internal sealed record SparseAffinities(int[] RowStart, int[] Cols, double[] Values);
