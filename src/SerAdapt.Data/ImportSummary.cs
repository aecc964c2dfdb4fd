using System.Globalization;

namespace SerAdapt.Data;

/// <summary>What an import joined and what it left out, printed after <c>seradapt import</c>.</summary>
public sealed record ImportSummary(
    int Utterances,
    int Speakers,
    int Sessions,
    double ValenceMean,
    double ValenceStd,
    int MissingValence,
    int RowsWithoutLabels,
    int LabelsWithoutRows,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Utterances per emotion category, most frequent first (empty when the corpus has no categories).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Categories { get; init; } = [];

    /// <summary>Utterances per official split (empty when the corpus has none).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Splits { get; init; } = [];

    /// <summary>Utterances whose speaker is unknown (""); they form one group.</summary>
    public int UnknownSpeaker { get; init; }

    /// <summary>One line per label dimension with a value: mean, std, missing and scale.</summary>
    public IReadOnlyList<string> LabelLines { get; init; } = [];

    public static ImportSummary Of(Corpus corpus, int rowsWithoutLabels, int labelsWithoutRows, IReadOnlyList<string> warnings)
    {
        var (mean, std, missing) = Moments(corpus.Valence);
        var labelLines = new List<string>();
        foreach (var (name, values) in new[] { ("valence", corpus.Valence), ("arousal", corpus.Arousal), ("dominance", corpus.Dominance) })
        {
            var (m, s, miss) = Moments(values);
            if (name != "valence" && miss == values.Length) continue;
            var c = CultureInfo.InvariantCulture;
            labelLines.Add($"{name}: mean {m.ToString("F3", c)}, std {s.ToString("F3", c)}, missing {miss}, scale {corpus.Scales.For(name)}");
        }
        return new ImportSummary(corpus.Count, Corpus.Distinct(corpus.Speakers).Count(s => s.Length > 0), Corpus.Distinct(corpus.Sessions).Count(s => s.Length > 0),
            mean, std, missing, rowsWithoutLabels, labelsWithoutRows, warnings)
        {
            Categories = Counts(corpus.Categories),
            Splits = Counts(corpus.Splits),
            UnknownSpeaker = corpus.Speakers.Count(s => s.Length == 0),
            LabelLines = labelLines,
        };
    }

    private static (double Mean, double Std, int Missing) Moments(float[] values)
    {
        var v = values.Where(float.IsFinite).Select(x => (double)x).ToArray();
        double mean = v.Length > 0 ? v.Average() : double.NaN;
        double std = v.Length > 0 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length) : double.NaN;
        return (mean, std, values.Length - v.Length);
    }

    private static List<KeyValuePair<string, int>> Counts(string[] column) =>
        column.All(x => x.Length == 0) ? []
            : column.GroupBy(x => x.Length > 0 ? x : "(none)").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList();

    public override string ToString()
    {
        var lines = new List<string> { $"utterances: {Utterances}", $"speakers: {Speakers}" };
        if (UnknownSpeaker > 0) lines.Add($"utterances of unknown speakers (one group): {UnknownSpeaker}");
        lines.Add($"sessions: {Sessions}");
        if (Splits.Count > 0) lines.Add($"splits: {string.Join(", ", Splits.Select(s => $"{s.Key} {s.Value}"))}");
        if (Categories.Count > 0) lines.Add($"categories: {string.Join(", ", Categories.Select(s => $"{s.Key} {s.Value}"))}");
        lines.AddRange(LabelLines);
        lines.Add($"feature rows without labels (dropped): {RowsWithoutLabels}");
        lines.Add($"labelled utterances without feature rows: {LabelsWithoutRows}");
        return string.Join(Environment.NewLine, lines);
    }
}
