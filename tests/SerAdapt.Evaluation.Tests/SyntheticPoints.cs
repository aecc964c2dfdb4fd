using SerAdapt.Engine;

namespace SerAdapt.Evaluation.Tests;

/// <summary>Seeded point clouds for the t-SNE, PCA and neighbour tests.</summary>
internal static class SyntheticPoints
{
    /// <summary>Gaussian blobs (unit spread) with centres drawn at <paramref name="separation"/> scale.</summary>
    public static (Matrix Points, int[] Labels) Blobs(int perBlob, int blobs, int dims, double separation, int seed)
    {
        var random = new Random(seed);
        var centres = new double[blobs, dims];
        for (int b = 0; b < blobs; b++)
            for (int d = 0; d < dims; d++)
                centres[b, d] = separation * Gaussian(random);
        var points = new Matrix(perBlob * blobs, dims);
        var labels = new int[perBlob * blobs];
        for (int i = 0; i < points.Rows; i++)
        {
            labels[i] = i % blobs;
            for (int d = 0; d < dims; d++)
                points[i, d] = (float)(centres[labels[i], d] + Gaussian(random));
        }
        return (points, labels);
    }

    /// <summary>Points on a curved 2-D sheet (a swiss-roll-like surface) linearly placed in <paramref name="dims"/> dimensions, plus a little noise.</summary>
    public static Matrix Sheet(int count, int dims, int seed)
    {
        var random = new Random(seed);
        var map = new double[3, dims];
        for (int a = 0; a < 3; a++)
            for (int d = 0; d < dims; d++)
                map[a, d] = Gaussian(random);
        var points = new Matrix(count, dims);
        for (int i = 0; i < count; i++)
        {
            double t = 1.5 * Math.PI * (1 + 2 * random.NextDouble()), h = 10 * random.NextDouble();
            double[] latent = [t * Math.Cos(t), h, t * Math.Sin(t)];
            for (int d = 0; d < dims; d++)
            {
                double v = 0.05 * Gaussian(random);
                for (int a = 0; a < 3; a++) v += latent[a] * map[a, d];
                points[i, d] = (float)v;
            }
        }
        return points;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Mean fraction of each point's k nearest neighbours in <paramref name="a"/> that are also among its k nearest in <paramref name="b"/>.</summary>
    public static double NeighbourPreservation(Matrix a, Matrix b, int k)
    {
        var (na, _) = NearestNeighbours.Search(a, a, k, excludeSelf: true);
        var (nb, _) = NearestNeighbours.Search(b, b, k, excludeSelf: true);
        double kept = 0;
        for (int i = 0; i < a.Rows; i++)
            kept += na.AsSpan(i * k, k).ToArray().Intersect(nb.AsSpan(i * k, k).ToArray()).Count();
        return kept / (a.Rows * (double)k);
    }

    /// <summary>Mean fraction of each point's k nearest neighbours that share its label.</summary>
    public static double LabelPurity(Matrix points, int[] labels, int k)
    {
        var (nn, _) = NearestNeighbours.Search(points, points, k, excludeSelf: true);
        double same = 0;
        for (int i = 0; i < points.Rows; i++)
            for (int m = 0; m < k; m++)
                if (labels[nn[i * k + m]] == labels[i]) same++;
        return same / (points.Rows * (double)k);
    }
}
