using System.Text.Json;
using SerAdapt.Adaptation;
using SerAdapt.Data;
using SerAdapt.Engine;

namespace SerAdapt.Cli.Adaptation;

/// <summary>
/// Turns a corpus path (.parquet, openSMILE ARFF/CSV, generic CSV) into the in-memory
/// <see cref="DomainData"/> the adaptation methods train on: loaded with SerAdapt.Data, z-normalised
/// with its own statistics (per corpus, as in the paper), the chosen label dimension, sessions
/// (else speakers) as groups.
/// </summary>
internal sealed record CorpusInput(string Path, Corpus Raw, ZNormStats Stats, DomainData Data, IReadOnlyList<string> Warnings)
{
    /// <summary>Label dimensions of a corpus file; for a generic CSV, --label names the column read as the label.</summary>
    public static readonly string[] Dimensions = ["valence", "arousal", "dominance"];

    public static Corpus LoadRaw(string path, string label, string? idColumn, string? sessionColumn, bool labelRequired, List<string> warnings,
        string? featureColumns = null)
    {
        var csv = new GenericCsvOptions(IdColumn: idColumn, LabelColumn: GenericLabelColumn(path, label, labelRequired), SessionColumn: sessionColumn,
            FeatureColumns: featureColumns);
        return CorpusLoader.Load(path, csv, NonFinitePolicy.Fail, warnings);
    }

    public static CorpusInput Load(string path, string label, string? idColumn, string? sessionColumn, bool labelRequired, string? featureColumns = null)
    {
        string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".parquet" or ".arff" && !Dimensions.Contains(label))
            throw new ArgumentException($"--label {label}: a corpus file has the labels {string.Join(", ", Dimensions)}; a column name is for generic CSV files.");
        var warnings = new List<string>();
        var raw = LoadRaw(path, label, idColumn, sessionColumn, labelRequired, warnings, featureColumns);
        var (normalised, stats) = ZNormalization.PerCorpus(raw, warnings);
        var labels = Labels(normalised, label);
        if (labelRequired && !labels.Any(float.IsFinite))
            throw new InvalidDataException($"{path} has no {label} labels; the source of a training must be labelled.");
        var data = new DomainData(new Matrix(normalised.Features, 0, normalised.Count, normalised.Dimension),
            labels.Any(float.IsFinite) ? labels : null, Groups(normalised), normalised.Ids);
        return new CorpusInput(path, raw, stats, data, warnings);
    }

    /// <summary>The labels carried affinely from this corpus's scale of <paramref name="label"/> onto <paramref name="target"/>'s.</summary>
    public CorpusInput OnScaleOf(CorpusInput target, string label) => Data.Labels is { } y
        ? this with { Data = Data with { Labels = Raw.Scales.For(label).MapTo(target.Raw.Scales.For(label), y) } }
        : this;

    public FeatureNormalisation Normalisation => new(Stats.FeatureNames, Stats.Means, Stats.Stds);

    public string NormalisationJson() => JsonSerializer.Serialize(new { corpus = Path, mean = Stats.Means, std = Stats.Stds });

    /// <summary>The label column of <paramref name="corpus"/> for --label (a generic CSV's label is read as valence).</summary>
    public static float[] Labels(Corpus corpus, string label) => label switch
    {
        "arousal" => corpus.Arousal,
        "dominance" => corpus.Dominance,
        _ => corpus.Valence,
    };

    // Sessions, or speakers when there are none, as integer groups in order of first appearance.
    private static int[]? Groups(Corpus corpus)
    {
        var column = corpus.Sessions.Any(s => s.Length > 0) ? corpus.Sessions
            : corpus.Speakers.Any(s => s.Length > 0) ? corpus.Speakers : null;
        if (column is null) return null;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        return column.Select(s => index.TryGetValue(s, out int g) ? g : index[s] = index.Count).ToArray();
    }

    // For a generic CSV, --label names a column; an unlabelled file (e.g. the target) may lack it.
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
