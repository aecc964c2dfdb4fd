using System.Text.Json;
using SerAdapt.Adaptation;
using SerAdapt.Data;
using SerAdapt.Engine;

namespace SerAdapt.Experiments;

/// <summary>
/// One or several labelled source corpora pooled into the one source a method trains on: each corpus
/// z-normalised with its own statistics (as <see cref="CorpusDomain"/> does for every corpus, per the
/// paper), its labels carried onto the target's scale, then the rows concatenated in the order given.
/// <see cref="CorpusIndex"/> says which corpus each pooled row came from; groups (sessions, else
/// speakers) are renumbered so that no two corpora share one. A single corpus is used as it is (no copy),
/// so one source trains exactly as before.
/// </summary>
public sealed record SourceCorpora(IReadOnlyList<CorpusDomain> Corpora, DomainData Data, int[] CorpusIndex)
{
    /// <summary>
    /// Pools <paramref name="sources"/> for <paramref name="target"/>. Throws <see cref="ArgumentException"/>
    /// when none is given or one is named twice, and <see cref="FeatureMismatchException"/> naming the
    /// corpus whose features differ from the target's.
    /// </summary>
    public static SourceCorpora Pool(IReadOnlyList<CorpusDomain> sources, CorpusDomain target, string label)
    {
        if (sources.Count == 0) throw new ArgumentException("At least one source corpus is needed.");
        var twice = sources.GroupBy(s => System.IO.Path.GetFullPath(s.Path)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"The source corpus {twice.Key} is named twice.");
        foreach (var s in sources)
            CorpusLoader.CheckCompatible(s.Raw, s.Path, target.Raw, target.Path);
        var onScale = sources.Select(s => s.OnScaleOf(target, label).Data).ToList();
        if (onScale.Count == 1) return new SourceCorpora(sources, onScale[0], new int[onScale[0].Count]);

        int rows = onScale.Sum(d => d.Count), cols = onScale[0].Dimension;
        var features = new Matrix(rows, cols);
        var corpusIndex = new int[rows];
        bool labelled = onScale.Any(d => d.Labels is not null), grouped = onScale.All(d => d.Groups is not null), named = onScale.All(d => d.Ids is not null);
        var labels = labelled ? new float[rows] : null;
        var groups = grouped ? new int[rows] : null;
        var ids = named ? new string[rows] : null;
        int at = 0, groupOffset = 0;
        for (int k = 0; k < onScale.Count; k++)
        {
            var d = onScale[k];
            for (int i = 0; i < d.Count; i++, at++)
            {
                d.Features.Row(i).CopyTo(features.Row(at));
                corpusIndex[at] = k;
                if (labels is not null) labels[at] = d.Labels?[i] ?? float.NaN;
                if (groups is not null) groups[at] = groupOffset + d.Groups![i];
                if (ids is not null) ids[at] = d.Ids![i];
            }
            if (d.Groups is { Length: > 0 } g) groupOffset += g.Max() + 1;
        }
        return new SourceCorpora(sources, new DomainData(features, labels, groups, ids), corpusIndex);
    }

    /// <summary>The role of source <paramref name="index"/> of <paramref name="count"/> in run records: "source" when alone, else "source-1", "source-2", ...</summary>
    public static string Role(int index, int count) => count == 1 ? "source" : $"source-{index + 1}";

    /// <summary>The corpora's paths, in the order pooled.</summary>
    public IReadOnlyList<string> Paths => Corpora.Select(c => c.Path).ToList();

    /// <summary>What loading the corpora had to say.</summary>
    public IReadOnlyList<string> Warnings => Corpora.SelectMany(c => c.Warnings).ToList();

    /// <summary>
    /// "1-7 to 1-5: y' = ..." for each corpus whose label scale differs from <paramref name="target"/>'s,
    /// prefixed with "PATH: " when there are several corpora.
    /// </summary>
    public IReadOnlyList<string> ScaleMappingsOnto(CorpusDomain target, string label) =>
        Corpora.Select(c => (c.Path, Mapping: c.ScaleMappingOnto(target, label)))
            .Where(c => c.Mapping is not null).Select(c => Corpora.Count == 1 ? c.Mapping! : $"{c.Path}: {c.Mapping}").ToList();

    /// <summary>The paths as a JSON array (model.json's <c>sources</c>).</summary>
    public string PathsJson() => JsonSerializer.Serialize(Paths);

    /// <summary>Each corpus's own z-normalisation statistics, a JSON array of <c>{corpus, mean, std}</c> (model.json's <c>source_normalisation</c>).</summary>
    public string NormalisationJson() =>
        JsonSerializer.Serialize(Corpora.Select(c => new { corpus = c.Path, mean = c.Stats.Means, std = c.Stats.Stds }));
}
