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
    public static ImportSummary Of(Corpus corpus, int rowsWithoutLabels, int labelsWithoutRows, IReadOnlyList<string> warnings)
    {
        var v = corpus.Valence.Where(float.IsFinite).Select(x => (double)x).ToArray();
        double mean = v.Length > 0 ? v.Average() : double.NaN;
        double std = v.Length > 0 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length) : double.NaN;
        return new ImportSummary(corpus.Count, Corpus.Distinct(corpus.Speakers).Length, Corpus.Distinct(corpus.Sessions).Length,
            mean, std, corpus.Count - v.Length, rowsWithoutLabels, labelsWithoutRows, warnings);
    }

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Join(Environment.NewLine,
            $"utterances: {Utterances}",
            $"speakers: {Speakers}",
            $"sessions: {Sessions}",
            $"valence: mean {ValenceMean.ToString("F3", c)}, std {ValenceStd.ToString("F3", c)}, missing {MissingValence}",
            $"feature rows without labels (dropped): {RowsWithoutLabels}",
            $"labelled utterances without feature rows: {LabelsWithoutRows}");
    }
}
