namespace SerAdapt.Data;

/// <summary>
/// Z-normalisation as in the paper: each corpus is normalised with its own statistics (no target
/// statistics leak into the source), or, as an option, each speaker with their own.
/// </summary>
public static class ZNormalization
{
    /// <summary>Fits on the corpus and applies to it; returns the statistics for storing with a model.</summary>
    public static (Corpus Normalized, ZNormStats Stats) PerCorpus(Corpus corpus, List<string>? warnings = null)
    {
        var stats = ZNormStats.Fit(corpus, warnings);
        return (stats.Apply(corpus), stats);
    }

    /// <summary>Every speaker's utterances normalised with that speaker's own means and stds.</summary>
    public static Corpus PerSpeaker(Corpus corpus, List<string>? warnings = null)
    {
        var result = (float[])corpus.Features.Clone();
        foreach (var group in Enumerable.Range(0, corpus.Count).GroupBy(i => corpus.Speakers[i]))
        {
            var rows = group.ToArray();
            ZNormStats.Fit(corpus, rows, warnings).ApplyInPlace(result, rows);
        }
        return corpus.WithFeatures(result);
    }
}
