namespace SerAdapt.Data;

/// <summary>
/// A labelled (or unlabelled) emotional speech corpus in memory: one row per utterance with its
/// id, a float32 feature vector (row-major N x D), valence/arousal/dominance (NaN = missing),
/// speaker, session and gender ("" = unknown); the emotion category and the corpus's official split
/// where it has them (else ""), and the scale each label is rated on.
/// </summary>
public sealed class Corpus
{
    public Corpus(
        string name,
        string[] ids,
        string[] featureNames,
        float[] features,
        float[] valence,
        float[] arousal,
        float[] dominance,
        string[] speakers,
        string[] sessions,
        string[] genders,
        string[]? categories = null,
        string[]? splits = null,
        LabelScales? scales = null)
    {
        int n = ids.Length, d = featureNames.Length;
        categories ??= Enumerable.Repeat("", n).ToArray();
        splits ??= Enumerable.Repeat("", n).ToArray();
        if (n == 0) throw new InvalidDataException($"Corpus '{name}' has no utterances.");
        if (d == 0) throw new InvalidDataException($"Corpus '{name}' has no features.");
        if (features.Length != (long)n * d)
            throw new ArgumentException($"Corpus '{name}': {features.Length} feature values for {n} utterances x {d} features.");
        foreach (var (column, length) in new[] { ("valence", valence.Length), ("arousal", arousal.Length),
                     ("dominance", dominance.Length), ("speaker", speakers.Length), ("session", sessions.Length),
                     ("gender", genders.Length), ("category", categories.Length), ("split", splits.Length) })
            if (length != n) throw new ArgumentException($"Corpus '{name}': {length} {column} values for {n} utterances.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!seen.Add(id)) throw new InvalidDataException($"Corpus '{name}': duplicate utterance id '{id}'.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in featureNames)
            if (!names.Add(f)) throw new InvalidDataException($"Corpus '{name}': duplicate feature name '{f}'.");

        Name = name;
        Ids = ids;
        FeatureNames = featureNames;
        Features = features;
        Valence = valence;
        Arousal = arousal;
        Dominance = dominance;
        Speakers = speakers;
        Sessions = sessions;
        Genders = genders;
        Categories = categories;
        Splits = splits;
        Scales = scales ?? LabelScales.OneToFive;
    }

    public string Name { get; }
    public string[] Ids { get; }
    public string[] FeatureNames { get; }

    /// <summary>Row-major N x D.</summary>
    public float[] Features { get; }

    public float[] Valence { get; }
    public float[] Arousal { get; }
    public float[] Dominance { get; }
    public string[] Speakers { get; }
    public string[] Sessions { get; }
    public string[] Genders { get; }

    /// <summary>Emotion category (anger, happiness, ...; "" when the corpus has none).</summary>
    public string[] Categories { get; }

    /// <summary>The corpus's official partition (MSP-Podcast's Train, Development, Test1, ...; "" when none).</summary>
    public string[] Splits { get; }

    public LabelScales Scales { get; }

    public int Count => Ids.Length;
    public int Dimension => FeatureNames.Length;

    public ReadOnlySpan<float> Row(int i) => Features.AsSpan(i * Dimension, Dimension);

    /// <summary>The same utterances with other feature values (e.g. normalised).</summary>
    public Corpus WithFeatures(float[] features) =>
        new(Name, Ids, FeatureNames, features, Valence, Arousal, Dominance, Speakers, Sessions, Genders, Categories, Splits, Scales);

    /// <summary>The utterances at <paramref name="rows"/>, in that order.</summary>
    public Corpus Subset(IReadOnlyList<int> rows)
    {
        int d = Dimension;
        var features = new float[rows.Count * d];
        for (int k = 0; k < rows.Count; k++)
            Row(rows[k]).CopyTo(features.AsSpan(k * d, d));
        T[] Pick<T>(T[] a) => rows.Select(r => a[r]).ToArray();
        return new Corpus(Name, Pick(Ids), FeatureNames, features, Pick(Valence), Pick(Arousal), Pick(Dominance),
            Pick(Speakers), Pick(Sessions), Pick(Genders), Pick(Categories), Pick(Splits), Scales);
    }

    /// <summary>Distinct values of <paramref name="column"/> in order of first appearance.</summary>
    public static string[] Distinct(string[] column) => column.Distinct(StringComparer.Ordinal).ToArray();
}
