namespace SerAdapt.Data;

/// <summary>
/// Joins feature rows with corpus labels by utterance name and makes a <see cref="Corpus"/>. The
/// feature rows may come from any source (openSMILE files, or features extracted from audio); their
/// ids are matched after dropping a folder and a .wav/.avi/.arff extension.
/// </summary>
public static class CorpusImport
{
    /// <summary>
    /// Rows whose id has a label become the corpus; rows without labels are dropped and counted.
    /// <paramref name="scales"/> are the scales the labels are on (default 1-5).
    /// </summary>
    public static (Corpus Corpus, ImportSummary Summary) Join(
        FeatureTable features, IReadOnlyList<UtteranceLabel> labels, string corpusName, NonFinitePolicy nonFinite, LabelScales? scales = null)
    {
        if (labels.Count == 0) throw new InvalidDataException("No labels to join with the feature rows.");
        var byId = new Dictionary<string, UtteranceLabel>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            if (byId.TryGetValue(label.Id, out var first))
                throw new DataFormatException(label.File, label.Line, 0, $"utterance '{label.Id}' is labelled twice (first at {first.File}:{first.Line}).");
            byId[label.Id] = label;
        }

        var rows = new List<int>();
        var matched = new List<UtteranceLabel>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < features.Count; i++)
        {
            string key = Key(features.Ids[i]);
            if (keys.TryGetValue(key, out int other))
                throw new DataFormatException(features.Source, features.Lines[i], 0,
                    $"utterance '{key}' appears twice (also at line {features.Lines[other]}).");
            keys[key] = i;
            if (byId.TryGetValue(key, out var label)) { rows.Add(i); matched.Add(label); }
        }
        if (rows.Count == 0)
        {
            var files = labels.Select(l => l.File).Distinct().ToList();
            throw new InvalidDataException(
                $"No feature row in {features.Source} matches a labelled utterance of {(files.Count == 1 ? files[0] : $"{files.Count} label files under {Path.GetDirectoryName(files[0])}")} " +
                $"(e.g. label '{labels[0].Id}', feature row '{features.Ids[0]}').");
        }

        var matchedFiles = matched.Select(l => l.File).ToHashSet();
        foreach (var file in labels.Select(l => l.File).Distinct().Where(f => !matchedFiles.Contains(f)))
            features.Warnings.Add($"{file}: no utterance of this label file has a feature row in {features.Source}.");
        int d = features.Dimension;
        var values = new float[(long)rows.Count * d];
        for (int k = 0; k < rows.Count; k++)
            features.Values.AsSpan(rows[k] * d, d).CopyTo(values.AsSpan(k * d, d));
        // Only the rows that stay are checked for NaN/Inf (and imputed from).
        var kept = new FeatureTable(features.Source, rows.Select(r => features.Ids[r]).ToArray(), rows.Select(r => features.Lines[r]).ToArray(),
            features.FeatureNames, values) { FeatureFields = features.FeatureFields, Warnings = features.Warnings };
        kept.HandleNonFinite(nonFinite);
        var corpus = new Corpus(corpusName, matched.Select(l => l.Id).ToArray(), features.FeatureNames, values,
            matched.Select(l => l.Valence).ToArray(), matched.Select(l => l.Arousal).ToArray(), matched.Select(l => l.Dominance).ToArray(),
            matched.Select(l => l.Speaker).ToArray(), matched.Select(l => l.Session).ToArray(), matched.Select(l => l.Gender).ToArray(),
            matched.Select(l => l.Category).ToArray(), matched.Select(l => l.Split).ToArray(), scales);
        return (corpus, ImportSummary.Of(corpus, features.Count - rows.Count, labels.Count - rows.Count, features.Warnings));
    }

    /// <summary>A corpus from a table that carries its own labels (generic CSV, ARFF class).</summary>
    public static (Corpus Corpus, ImportSummary Summary) FromTable(FeatureTable features, string corpusName, NonFinitePolicy nonFinite)
    {
        features.HandleNonFinite(nonFinite);
        var corpus = features.ToCorpus(corpusName);
        return (corpus, ImportSummary.Of(corpus, 0, 0, features.Warnings));
    }

    /// <summary>The utterance name of a feature row id: no folder, no media extension, MSP-IMPROV's UTD- prefix as MSP-.</summary>
    public static string Key(string id)
    {
        string name = id.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        foreach (var ext in (string[])[".wav", ".avi", ".arff", ".csv"])
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) { name = name[..^ext.Length]; break; }
        if (name.StartsWith(MspImprovLabels.LabelPrefix, StringComparison.Ordinal))
            name = MspImprovLabels.AudioPrefix + name[MspImprovLabels.LabelPrefix.Length..];
        return name;
    }
}
