namespace SerAdapt.Data;

/// <summary>
/// Per-feature means and standard deviations fitted on one corpus (population std; constant
/// features get std 1). A plain record of arrays so trained models can store it with their weights.
/// </summary>
public sealed record ZNormStats(string[] FeatureNames, float[] Means, float[] Stds)
{
    /// <summary>Fits on all rows of <paramref name="corpus"/>; constant features are named in <paramref name="warnings"/>.</summary>
    public static ZNormStats Fit(Corpus corpus, List<string>? warnings = null) =>
        Fit(corpus, Enumerable.Range(0, corpus.Count).ToArray(), warnings);

    /// <summary>Fits on the given rows only.</summary>
    public static ZNormStats Fit(Corpus corpus, IReadOnlyList<int> rows, List<string>? warnings = null)
    {
        if (rows.Count == 0) throw new InvalidDataException($"Cannot fit z-normalisation of '{corpus.Name}' on no utterances.");
        int d = corpus.Dimension;
        var sum = new double[d];
        var sumSq = new double[d];
        foreach (int r in rows)
        {
            var x = corpus.Row(r);
            for (int j = 0; j < d; j++) sum[j] += x[j];
        }
        var means = new double[d];
        for (int j = 0; j < d; j++) means[j] = sum[j] / rows.Count;
        foreach (int r in rows)
        {
            var x = corpus.Row(r);
            for (int j = 0; j < d; j++) { double e = x[j] - means[j]; sumSq[j] += e * e; }
        }
        var stds = new float[d];
        var constant = new List<string>();
        for (int j = 0; j < d; j++)
        {
            double s = Math.Sqrt(sumSq[j] / rows.Count);
            // A spread below float resolution of the mean is numerically constant.
            if (s <= 1e-7 * Math.Max(1, Math.Abs(means[j]))) { s = 1; constant.Add(corpus.FeatureNames[j]); }
            stds[j] = (float)s;
        }
        if (constant.Count > 0)
            warnings?.Add($"{corpus.Name}: {constant.Count} constant feature(s) left unscaled (std set to 1): {string.Join(", ", constant.Take(10))}{(constant.Count > 10 ? ", ..." : "")}.");
        return new ZNormStats(corpus.FeatureNames, means.Select(m => (float)m).ToArray(), stds);
    }

    /// <summary>(x - mean) / std of every row; the feature names must match the fitted ones.</summary>
    public Corpus Apply(Corpus corpus)
    {
        CheckNames(corpus);
        var result = (float[])corpus.Features.Clone();
        ApplyInPlace(result, Enumerable.Range(0, corpus.Count));
        return corpus.WithFeatures(result);
    }

    /// <summary>Normalises the given rows of a row-major N x D array in place.</summary>
    public void ApplyInPlace(float[] features, IEnumerable<int> rows)
    {
        int d = Means.Length;
        foreach (int r in rows)
        {
            var x = features.AsSpan(r * d, d);
            for (int j = 0; j < d; j++) x[j] = (x[j] - Means[j]) / Stds[j];
        }
    }

    private void CheckNames(Corpus corpus)
    {
        if (corpus.Dimension != FeatureNames.Length)
            throw new InvalidDataException($"Normalisation statistics are for {FeatureNames.Length} features, corpus '{corpus.Name}' has {corpus.Dimension}.");
        for (int j = 0; j < FeatureNames.Length; j++)
            if (FeatureNames[j] != corpus.FeatureNames[j])
                throw new InvalidDataException($"Normalisation statistics expect feature {j + 1} '{FeatureNames[j]}', corpus '{corpus.Name}' has '{corpus.FeatureNames[j]}'.");
    }
}
