using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SerAdapt.Data;

/// <summary>
/// Valence and arousal (1-5) for each emotion category, for corpora labelled with categories only
/// (CREMA-D, RAVDESS, EmoDB). The default places each category on Russell's circumplex (1980) with
/// values in line with the ANEW / Warriner et al. (2013) ratings of the category words; see
/// docs/corpora.md. A YAML file (<c>anger: {valence: 1.5, arousal: 4.5}</c>, one entry per category)
/// replaces the whole table. Dominance is left missing.
/// </summary>
public sealed class CategoryMap
{
    public static LabelScale Scale => LabelScale.OneToFive;

    public static CategoryMap Default { get; } = new("the default category map", new Dictionary<string, (float, float)>
    {
        ["happiness"] = (4.5f, 4.0f),
        ["pleasant surprise"] = (4.0f, 4.0f),
        ["calm"] = (3.5f, 2.0f),
        ["neutral"] = (3.0f, 2.5f),
        ["surprise"] = (3.0f, 4.0f),
        ["boredom"] = (2.5f, 1.5f),
        ["fear"] = (2.0f, 4.0f),
        ["disgust"] = (1.5f, 3.0f),
        ["anger"] = (1.5f, 4.5f),
        ["sadness"] = (1.5f, 2.0f),
    });

    private CategoryMap(string source, IReadOnlyDictionary<string, (float Valence, float Arousal)> entries)
    {
        Source = source;
        Entries = entries;
    }

    /// <summary>"the default category map" or the file it was read from.</summary>
    public string Source { get; }

    public IReadOnlyDictionary<string, (float Valence, float Arousal)> Entries { get; }

    /// <summary>The labels with valence and arousal of their category; fails naming the map and a label's file when a category has no entry.</summary>
    public List<UtteranceLabel> Apply(IEnumerable<UtteranceLabel> labels) => labels.Select(l =>
        Entries.TryGetValue(l.Category, out var va)
            ? l with { Valence = va.Valence, Arousal = va.Arousal, Dominance = float.NaN }
            : throw new DataFormatException(Source, 0, 0,
                $"no entry for the category '{l.Category}' of {l.Id} ({l.File}); entries: {string.Join(", ", Entries.Keys)}.")).ToList();

    /// <summary>Reads a YAML mapping of category to <c>{valence: V, arousal: A}</c>, values on the 1-5 scale.</summary>
    public static CategoryMap Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Category map not found: {path}", path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            throw new DataFormatException(path, (int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root || root.Children.Count == 0)
            throw new DataFormatException(path, 1, 1, "expected a mapping of categories, e.g. 'anger: {valence: 1.5, arousal: 4.5}'.");
        var entries = new Dictionary<string, (float, float)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            string category = keyNode is YamlScalarNode { Value: { Length: > 0 } k } ? k.Trim().ToLowerInvariant() : throw Error(keyNode, "categories must be plain names.");
            if (value is not YamlMappingNode pair || pair.Children.Count != 2)
                throw Error(value, $"'{category}' needs exactly valence and arousal, e.g. '{{valence: 1.5, arousal: 4.5}}'.");
            float? valence = null, arousal = null;
            foreach (var (dimNode, number) in pair.Children)
            {
                string dim = dimNode is YamlScalarNode { Value: { } d } ? d : "";
                float v = number is YamlScalarNode { Value: { } s } && float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && float.IsFinite(parsed)
                    ? parsed : throw Error(number, $"'{category}': {dim} is not a number.");
                if (!Scale.Contains(v)) throw Error(number, $"'{category}': {dim} {v.ToString(CultureInfo.InvariantCulture)} is outside the scale {Scale}.");
                if (dim == "valence") valence = v;
                else if (dim == "arousal") arousal = v;
                else throw Error(dimNode, $"'{category}': expected valence and arousal, found '{dim}'.");
            }
            if (valence is null || arousal is null) throw Error(value, $"'{category}' needs both valence and arousal.");
            if (!entries.TryAdd(category, (valence.Value, arousal.Value))) throw Error(keyNode, $"category '{category}' appears twice.");
        }
        return new CategoryMap(path, entries);

        DataFormatException Error(YamlNode node, string message) => new(path, (int)node.Start.Line, (int)node.Start.Column, message);
    }
}
