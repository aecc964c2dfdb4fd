namespace SerAdapt.Evaluation;

/// <summary>
/// Splits labels into low (0) and high (1) groups for the t-SNE colouring and the distortion
/// numbers: above the median, or above a fixed value such as the scale's midpoint 3.
/// </summary>
public static class ValenceSplit
{
    /// <summary>1 where the label exceeds the median of all labels, else 0.</summary>
    public static int[] AtMedian(ReadOnlySpan<float> labels)
    {
        if (labels.Length == 0)
            throw new ArgumentException("No labels to split.");
        var sorted = labels.ToArray();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + (double)sorted[m]) / 2;
        return AtThreshold(labels, median);
    }

    /// <summary>1 where the label exceeds <paramref name="threshold"/>, else 0.</summary>
    public static int[] AtThreshold(ReadOnlySpan<float> labels, double threshold)
    {
        var groups = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
            groups[i] = labels[i] > threshold ? 1 : 0;
        return groups;
    }
}
