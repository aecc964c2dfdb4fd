using System.Numerics.Tensors;
using SerAdapt.Engine;

namespace SerAdapt.Evaluation;

/// <summary>
/// Exact k-nearest-neighbour search by squared Euclidean distance, brute force with vectorised
/// dot products (||q||^2 + ||r||^2 - 2 q.r), which for the tens of dimensions t-SNE searches in beats a
/// vantage-point tree at the sizes we meet (a few thousand points). Ties go to the lower index.
/// </summary>
public static class NearestNeighbours
{
    /// <summary>
    /// For each query row, the indices (ascending distance) and squared distances of its k nearest
    /// reference rows. With <paramref name="excludeSelf"/> the queries must be the reference set and
    /// row i never counts as its own neighbour.
    /// </summary>
    public static (int[] Indices, float[] SquaredDistances) Search(Matrix queries, Matrix reference, int k, bool excludeSelf = false, int maxDegreeOfParallelism = 1)
    {
        if (queries.Cols != reference.Cols)
            throw new ShapeMismatchException($"Queries {queries.ShapeString} and reference {reference.ShapeString} differ in dimension.");
        if (excludeSelf && queries.Rows != reference.Rows)
            throw new ShapeMismatchException($"excludeSelf needs the queries to be the reference set: {queries.ShapeString} vs {reference.ShapeString}.");
        int available = reference.Rows - (excludeSelf ? 1 : 0);
        if (k < 1 || k > available)
            throw new ArgumentOutOfRangeException(nameof(k), $"k = {k} but only {available} reference points are available.");

        var refNorms = SquaredNorms(reference);
        var indices = new int[queries.Rows * k];
        var distances = new float[queries.Rows * k];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) };
        Parallel.For(0, queries.Rows, options, () => new float[reference.Rows], (i, _, row) =>
        {
            DistanceRow(queries.Row(i), reference, refNorms, row);
            SelectSmallest(row, k, excludeSelf ? i : -1, indices.AsSpan(i * k, k), distances.AsSpan(i * k, k));
            return row;
        }, _ => { });
        return (indices, distances);
    }

    internal static float[] SquaredNorms(Matrix m)
    {
        var norms = new float[m.Rows];
        for (int j = 0; j < m.Rows; j++)
            norms[j] = TensorPrimitives.Dot(m.Row(j), m.Row(j));
        return norms;
    }

    /// <summary>Squared distances of one query to every reference row, clamped at 0 against rounding.</summary>
    internal static void DistanceRow(ReadOnlySpan<float> query, Matrix reference, float[] referenceNorms, Span<float> row)
    {
        float qNorm = TensorPrimitives.Dot(query, query);
        for (int j = 0; j < reference.Rows; j++)
            row[j] = Math.Max(0f, qNorm + referenceNorms[j] - 2 * TensorPrimitives.Dot(query, reference.Row(j)));
    }

    // Keeps the k smallest in a sorted insertion buffer: O(n k) worst case, O(n) typical for k << n.
    private static void SelectSmallest(float[] values, int k, int skip, Span<int> bestIndex, Span<float> bestValue)
    {
        int count = 0;
        for (int j = 0; j < values.Length; j++)
        {
            if (j == skip) continue;
            float v = values[j];
            if (count == k && v >= bestValue[k - 1]) continue;
            int pos = count < k ? count++ : k - 1;
            while (pos > 0 && bestValue[pos - 1] > v)
            {
                bestValue[pos] = bestValue[pos - 1];
                bestIndex[pos] = bestIndex[pos - 1];
                pos--;
            }
            bestValue[pos] = v;
            bestIndex[pos] = j;
        }
    }
}
