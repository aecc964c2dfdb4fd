using SerAdapt.Adaptation;
using SerAdapt.Data;
using SerAdapt.Engine;

namespace SerAdapt.Experiments;

/// <summary>
/// The one path from a corpus to the in-memory <see cref="DomainData"/> the methods train on, used by
/// <c>train</c>, <c>experiment</c>, <c>tsne</c> and the demo: the corpus z-normalised with its own
/// statistics (per corpus, as in the paper), the chosen label dimension, and groups for
/// leave-one-group-out folds (sessions, else speakers, numbered in order of first appearance).
/// Rows without a label stay (the target needs its features); how many there are is said in
/// <see cref="Warnings"/>, and <see cref="DomainData.LabelledRows"/> leaves them out where labels are used.
/// </summary>
public sealed record CorpusDomain(string Path, Corpus Raw, ZNormStats Stats, DomainData Data, IReadOnlyList<string> Warnings)
{
    /// <summary>Label dimensions of a corpus file; for a generic CSV, the label names the column read as the label.</summary>
    public static readonly string[] Dimensions = ["valence", "arousal", "dominance"];

    /// <summary>Reads <paramref name="path"/> (.parquet, openSMILE ARFF/CSV, or generic CSV whose columns <paramref name="csv"/> names).</summary>
    public static CorpusDomain Load(string path, string label, bool labelRequired, GenericCsvOptions? csv = null)
    {
        string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".parquet" or ".arff" && !Dimensions.Contains(label))
            throw new ArgumentException($"label '{label}': a corpus file has the labels {string.Join(", ", Dimensions)}; a column name is for generic CSV files.");
        var warnings = new List<string>();
        var raw = LoadRaw(path, label, labelRequired, csv, warnings);
        return FromCorpus(raw, path, label, labelRequired, warnings);
    }

    /// <summary>A corpus already in memory (e.g. the synthetic pair); <paramref name="path"/> names it in messages.</summary>
    public static CorpusDomain FromCorpus(Corpus raw, string path, string label, bool labelRequired, List<string>? warnings = null)
    {
        warnings ??= [];
        var (normalised, stats) = ZNormalization.PerCorpus(raw, warnings);
        var labels = Labels(normalised, label);
        int labelled = labels.Count(float.IsFinite);
        if (labelRequired && labelled == 0)
            throw new InvalidDataException($"{path} has no {label} labels; it must be labelled here.");
        if (labelled > 0 && labelled < raw.Count)
            warnings.Add($"{path}: {raw.Count - labelled} of {raw.Count} utterances have no {label} label; they are left out of training and scoring.");
        var data = new DomainData(new Matrix(normalised.Features, 0, normalised.Count, normalised.Dimension),
            labelled > 0 ? labels : null, Groups(normalised), normalised.Ids);
        return new CorpusDomain(path, raw, stats, data, warnings);
    }

    /// <summary>The corpus as read, not normalised; for a generic CSV the label column is optional unless required.</summary>
    public static Corpus LoadRaw(string path, string label, bool labelRequired, GenericCsvOptions? csv, List<string> warnings)
    {
        // A generic CSV's label column goes into the slot of the label dimension asked for, so that
        // "arousal" is read as arousal (a column of any other name is read as the label, in valence's slot).
        var options = csv ?? new GenericCsvOptions();
        string? column = csv?.LabelColumn ?? GenericLabelColumn(path, label, labelRequired);
        options = label switch
        {
            "arousal" when options.ArousalColumn is null && options.LabelColumn is null => options with { ArousalColumn = column },
            "dominance" when options.DominanceColumn is null && options.LabelColumn is null => options with { DominanceColumn = column },
            _ => options with { LabelColumn = column },
        };
        return CorpusLoader.Load(path, options, NonFinitePolicy.Fail, warnings);
    }

    /// <summary>
    /// This (source) corpus with its <paramref name="label"/> values carried affinely from its own scale onto
    /// <paramref name="target"/>'s (e.g. MSP-Podcast's 1-7 onto IEMOCAP's 1-5), so that predictions come out
    /// on the target's scale; itself when the scales agree.
    /// </summary>
    public CorpusDomain OnScaleOf(CorpusDomain target, string label) => Data.Labels is { } y && ScaleMappingOnto(target, label) is not null
        ? this with { Data = Data with { Labels = Raw.Scales.For(label).MapTo(target.Raw.Scales.For(label), y) } }
        : this;

    /// <summary>"1-7 to 1-5: y' = ..." when this corpus's <paramref name="label"/> scale differs from <paramref name="target"/>'s, else null.</summary>
    public string? ScaleMappingOnto(CorpusDomain target, string label)
    {
        LabelScale from = Raw.Scales.For(label), to = target.Raw.Scales.For(label);
        return from == to ? null : from.DescribeMapTo(to);
    }

    public FeatureNormalisation Normalisation => new(Stats.FeatureNames, Stats.Means, Stats.Stds);

    /// <summary>
    /// Records on <paramref name="model"/>, trained for this target, what <c>predict</c> needs: this corpus's
    /// normalisation statistics (applied to raw inputs) and the <paramref name="label"/> it predicts with its scale.
    /// </summary>
    public void DescribeAsTargetOf(ValenceModel model, string label)
    {
        model.Normalisation = Normalisation;
        model.SetInfo("target", Path);
        model.SetInfo("label", label);
        model.SetInfo("label_scale", Raw.Scales.For(label).ToString());
        model.SetInfo("normalisation", $"z-normalisation statistics of the target corpus {Path}");
    }

    /// <summary>Session names (else speaker names) indexed by <see cref="DomainData.Groups"/>.</summary>
    public IReadOnlyList<string> GroupNames => Corpus.Distinct(GroupColumn(Raw) ?? []);

    /// <summary>The label column of <paramref name="corpus"/> (a generic CSV's label is read as valence).</summary>
    public static float[] Labels(Corpus corpus, string label) => label switch
    {
        "arousal" => corpus.Arousal,
        "dominance" => corpus.Dominance,
        _ => corpus.Valence,
    };

    // Sessions, or speakers when there are none, as integer groups in order of first appearance.
    private static int[]? Groups(Corpus corpus)
    {
        var column = GroupColumn(corpus);
        if (column is null) return null;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        return column.Select(s => index.TryGetValue(s, out int g) ? g : index[s] = index.Count).ToArray();
    }

    private static string[]? GroupColumn(Corpus corpus) =>
        corpus.Sessions.Any(s => s.Length > 0) ? corpus.Sessions
        : corpus.Speakers.Any(s => s.Length > 0) ? corpus.Speakers : null;

    // For a generic CSV the label names a column; an unlabelled file (e.g. the target) may lack it.
    private static string? GenericLabelColumn(string path, string label, bool required)
    {
        string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".parquet" or ".arff" || !File.Exists(path)) return label;
        string header = File.ReadLines(path).FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        if (OpenSmileCsv.LooksLikeOpenSmile(header)) return label;
        if (required) return label;
        char delimiter = GenericCsv.DetectDelimiter(header);
        return header.Split(delimiter).Select(h => h.Trim().Trim('"')).Contains(label) ? label : null;
    }
}
