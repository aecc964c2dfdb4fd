using System.Numerics.Tensors;
using SerAdapt.Engine;

namespace SerAdapt.Evaluation;

/// <summary>
/// Projection of centred rows onto their leading principal subspace, the usual step before t-SNE
/// (van der Maaten 2014 reduces to 50 dimensions). The covariance is formed once and its top
/// subspace found by orthogonal (subspace) iteration from a seeded random start. The basis is an
/// orthonormal basis of that subspace, not sorted eigenvectors: enough for anything that depends
/// only on distances, as t-SNE does.
/// </summary>
public static class Pca
{
    public static Matrix Project(Matrix data, int components, int seed, int iterations = 30)
    {
        int n = data.Rows, d = data.Cols;
        if (components < 1 || components > d)
            throw new ArgumentOutOfRangeException(nameof(components), $"Cannot keep {components} components of {d}-dimensional data.");

        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            var row = data.Row(i);
            for (int c = 0; c < d; c++) mean[c] += row[c];
        }
        for (int c = 0; c < d; c++) mean[c] /= n;

        // Columns of the centred data as rows, so each covariance entry is one contiguous dot product.
        var columns = new Matrix(d, n);
        for (int i = 0; i < n; i++)
        {
            var row = data.Row(i);
            for (int c = 0; c < d; c++) columns[c, i] = (float)(row[c] - mean[c]);
        }
        var cov = new Matrix(d, d);
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++)
                cov[a, b] = cov[b, a] = TensorPrimitives.Dot(columns.Row(a), columns.Row(b));

        var random = new Random(seed);
        var basis = new double[components][];
        for (int k = 0; k < components; k++)
        {
            basis[k] = new double[d];
            for (int c = 0; c < d; c++) basis[k][c] = random.NextDouble() - 0.5;
        }
        Orthonormalise(basis);
        var covRow = new double[d];
        for (int it = 0; it < iterations; it++)
        {
            var next = new double[components][];
            for (int k = 0; k < components; k++) next[k] = new double[d];
            for (int a = 0; a < d; a++)
            {
                var r = cov.Row(a);
                for (int c = 0; c < d; c++) covRow[c] = r[c];
                for (int k = 0; k < components; k++)
                    next[k][a] = TensorPrimitives.Dot<double>(covRow, basis[k]);
            }
            Orthonormalise(next);
            basis = next;
        }

        var projected = new Matrix(n, components);
        var basisF = basis.Select(b => b.Select(v => (float)v).ToArray()).ToArray();
        var centred = new float[d];
        for (int i = 0; i < n; i++)
        {
            var row = data.Row(i);
            for (int c = 0; c < d; c++) centred[c] = (float)(row[c] - mean[c]);
            for (int k = 0; k < components; k++)
                projected[i, k] = TensorPrimitives.Dot(centred, basisF[k]);
        }
        return projected;
    }

    // Modified Gram-Schmidt; a vector that collapses (rank-deficient data) is replaced by a unit axis
    // direction made orthogonal to the others so the basis stays complete.
    private static void Orthonormalise(double[][] vectors)
    {
        int d = vectors[0].Length;
        for (int k = 0; k < vectors.Length; k++)
        {
            for (int attempt = 0; ; attempt++)
            {
                var v = vectors[k];
                double before = Math.Sqrt(TensorPrimitives.Dot<double>(v, v));
                for (int j = 0; j < k; j++)
                {
                    double dot = TensorPrimitives.Dot<double>(v, vectors[j]);
                    for (int c = 0; c < d; c++) v[c] -= dot * vectors[j][c];
                }
                double norm = Math.Sqrt(TensorPrimitives.Dot<double>(v, v));
                if (norm > 1e-8 * before || attempt == d)
                {
                    for (int c = 0; c < d; c++) v[c] /= norm;
                    break;
                }
                Array.Clear(v);
                v[(k + attempt) % d] = 1;
            }
        }
    }
}
