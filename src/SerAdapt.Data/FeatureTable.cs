namespace SerAdapt.Data;

/// <summary>
/// Feature rows as read from a file, before they become a <see cref="Corpus"/>: instance ids with the
/// line each came from, feature names and values (row-major, NaN where the file had a missing or
/// non-finite value), and whatever label or speaker columns the file itself carried.
/// Importers take a table from any source (openSMILE files, or features extracted from audio).
/// </summary>
public sealed class FeatureTable
{
    public FeatureTable(string source, string[] ids, int[] lines, string[] featureNames, float[] values)
    {
        if (lines.Length != ids.Length) throw new ArgumentException($"{lines.Length} line numbers for {ids.Length} rows.");
        if (values.Length != (long)ids.Length * featureNames.Length)
            throw new ArgumentException($"{values.Length} values for {ids.Length} rows x {featureNames.Length} features.");
        Source = source;
        Ids = ids;
        Lines = lines;
        FeatureNames = featureNames;
        Values = values;
    }

    /// <summary>The file the rows came from (used in error messages).</summary>
    public string Source { get; }
    public string[] Ids { get; }

    /// <summary>1-based line of each row in <see cref="Source"/>, 0 when the rows do not come from a text file.</summary>
    public int[] Lines { get; }
    public string[] FeatureNames { get; }

    /// <summary>Row-major N x D.</summary>
    public float[] Values { get; }

    /// <summary>1-based field number of each feature in a row of the file, for error messages (null: unknown).</summary>
    public int[]? FeatureFields { get; init; }

    public float[]? Valence { get; init; }
    public float[]? Arousal { get; init; }
    public float[]? Dominance { get; init; }
    public string[]? Speakers { get; init; }
    public string[]? Sessions { get; init; }
    public string[]? Genders { get; init; }

    /// <summary>The scale of the labels the table carries (null: 1-5).</summary>
    public LabelScale? LabelScale { get; init; }

    /// <summary>Things the reader tolerated but the user should know (e.g. dropped duplicate runs).</summary>
    public List<string> Warnings { get; init; } = [];

    public int Count => Ids.Length;
    public int Dimension => FeatureNames.Length;

    /// <summary>
    /// Fails on the first NaN/Inf feature value with <see cref="NonFiniteFeatureException"/> (naming file, line and feature), or with
    /// <see cref="NonFinitePolicy.ImputeMean"/> replaces them by the mean of the finite values of the
    /// feature in this table and adds a warning.
    /// </summary>
    public void HandleNonFinite(NonFinitePolicy policy)
    {
        int n = Count, d = Dimension;
        var imputed = new int[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                float v = Values[(long)i * d + j];
                if (float.IsFinite(v)) continue;
                if (policy == NonFinitePolicy.Fail)
                    throw new NonFiniteFeatureException(Source, Lines[i], FeatureFields?[j] ?? 0,
                        $"feature '{FeatureNames[j]}' of '{Ids[i]}' is missing or not finite ({Describe(v)})");
                imputed[j]++;
            }
        for (int j = 0; j < d; j++)
        {
            if (imputed[j] == 0) continue;
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                float v = Values[(long)i * d + j];
                if (float.IsFinite(v)) { sum += v; count++; }
            }
            if (count == 0)
                throw new DataFormatException(Source, 0, FeatureFields?[j] ?? 0, $"feature '{FeatureNames[j]}' has no finite value to impute from.");
            float mean = (float)(sum / count);
            for (int i = 0; i < n; i++)
                if (!float.IsFinite(Values[(long)i * d + j])) Values[(long)i * d + j] = mean;
            Warnings.Add($"{Source}: replaced {imputed[j]} missing/non-finite value(s) of '{FeatureNames[j]}' by its mean {mean.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>This table as a corpus, with the labels and speaker columns it carries (missing ones NaN / "").</summary>
    public Corpus ToCorpus(string name)
    {
        float[] Labels(float[]? a) => a ?? Enumerable.Repeat(float.NaN, Count).ToArray();
        string[] Texts(string[]? a) => a ?? Enumerable.Repeat("", Count).ToArray();
        return new Corpus(name, Ids, FeatureNames, Values, Labels(Valence), Labels(Arousal), Labels(Dominance),
            Texts(Speakers), Texts(Sessions), Texts(Genders), scales: LabelScale is { } scale ? LabelScales.Uniform(scale) : null);
    }

    /// <summary>
    /// The rows of several tables with the same features (e.g. one openSMILE file per utterance);
    /// the source of each row is kept for messages; ids must be unique across tables.
    /// Labels and speaker columns carried by the tables are not combined.
    /// </summary>
    public static FeatureTable Concatenate(IReadOnlyList<FeatureTable> tables)
    {
        if (tables.Count == 1) return tables[0];
        var first = tables[0];
        var seen = new Dictionary<string, FeatureTable>(StringComparer.Ordinal);
        foreach (var t in tables)
        {
            if (!t.FeatureNames.SequenceEqual(first.FeatureNames))
            {
                int j = Enumerable.Range(0, Math.Max(t.Dimension, first.Dimension))
                    .First(k => k >= t.Dimension || k >= first.Dimension || t.FeatureNames[k] != first.FeatureNames[k]);
                throw new DataFormatException(t.Source, 0, 0,
                    $"features differ from {first.Source} at feature {j + 1} ('{(j < t.Dimension ? t.FeatureNames[j] : "none")}' vs '{(j < first.Dimension ? first.FeatureNames[j] : "none")}').");
            }
            for (int i = 0; i < t.Count; i++)
                if (!seen.TryAdd(t.Ids[i], t))
                    throw new DataFormatException(t.Source, t.Lines[i], 0, $"duplicate utterance id '{t.Ids[i]}' (also in {seen[t.Ids[i]].Source}).");
        }
        string folder = Path.GetDirectoryName(first.Source) ?? first.Source;
        return new FeatureTable(folder, tables.SelectMany(t => t.Ids).ToArray(), tables.SelectMany(t => t.Lines).ToArray(),
            first.FeatureNames, tables.SelectMany(t => t.Values).ToArray())
        {
            FeatureFields = first.FeatureFields,
            Warnings = tables.SelectMany(t => t.Warnings).ToList(),
        };
    }

    private static string Describe(float v) => float.IsNaN(v) ? "NaN or '?'" : v > 0 ? "+Inf" : "-Inf";
}
