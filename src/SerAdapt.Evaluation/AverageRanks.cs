namespace SerAdapt.Evaluation;

/// <summary>Ranks 1..n of values, ties given the mean of the ranks they span (the midrank).</summary>
public static class AverageRanks
{
    /// <summary>The rank of each value under <paramref name="key"/> (ascending); <paramref name="tieTerm"/> = sum over tie groups of t^3 - t.</summary>
    public static double[] Of(IReadOnlyList<double> values, Func<double, double> key, out double tieTerm)
    {
        int n = values.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => key(values[i])).ToArray();
        var ranks = new double[n];
        tieTerm = 0;
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && key(values[order[end]]) == key(values[order[start]]))
                end++;
            double averageRank = (start + 1 + end) / 2.0;
            for (int j = start; j < end; j++)
                ranks[order[j]] = averageRank;
            double t = end - start;
            tieTerm += t * t * t - t;
            start = end;
        }
        return ranks;
    }
}
