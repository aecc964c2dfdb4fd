using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SerAdapt.Experiments;

/// <summary>
/// Reads an experiment configuration from YAML: a flat mapping whose keys are those of
/// <see cref="ExperimentConfig"/> in kebab-case, with <c>corpora: [A, B]</c> for the two corpus
/// files (relative paths are taken from the config file's folder). Unknown keys, wrong types and
/// bad values are rejected with the file, line and column.
/// </summary>
public static class ExperimentConfigFile
{
    private delegate ExperimentConfig Setter(ExperimentConfig config, YamlNode value, Reader read);

    private static readonly Dictionary<string, Setter> Keys = new(StringComparer.Ordinal)
    {
        ["corpora"] = (c, v, r) =>
        {
            var list = r.StringList(v);
            if (list.Count != 2) throw r.Error(v, $"'corpora' needs exactly two corpus files, got {list.Count}.");
            return c with { CorpusA = r.ResolvePath(list[0]), CorpusB = r.ResolvePath(list[1]) };
        },
        ["directions"] = (c, v, r) => c with { Directions = r.Choice(v, ExperimentConfig.DirectionChoices) },
        ["methods"] = (c, v, r) =>
        {
            var list = r.StringList(v);
            foreach (var m in list)
                if (!ExperimentConfig.AllMethods.Contains(m))
                    throw r.Error(v, $"unknown method '{m}'; known: {string.Join(", ", ExperimentConfig.AllMethods)}.");
            return c with { Methods = list };
        },
        ["repeats"] = (c, v, r) => c with { Repeats = r.Int(v) },
        ["seed"] = (c, v, r) => c with { Seed = r.Int(v) },
        ["epochs"] = (c, v, r) => c with { Epochs = r.Int(v) },
        ["learning-rate"] = (c, v, r) => c with { LearningRate = r.Float(v) },
        ["batch-size"] = (c, v, r) => c with { BatchSize = r.Int(v) },
        ["width"] = (c, v, r) => c with { Width = r.Int(v) },
        ["encoder-layers"] = (c, v, r) => c with { EncoderLayers = r.Int(v) },
        ["dropout"] = (c, v, r) => c with { Dropout = r.Float(v) },
        ["selection"] = (c, v, r) => c with { Selection = r.Choice(v, ExperimentConfig.SelectionChoices) },
        ["validation-fraction"] = (c, v, r) => c with { ValidationFraction = r.Float(v) },
        ["patience"] = (c, v, r) => c with { Patience = r.Int(v) },
        ["threads"] = (c, v, r) => c with { Threads = r.Int(v) },
        ["mrd-encoder-steps"] = (c, v, r) => c with { MrdEncoderSteps = r.Int(v) },
        ["mrd-r1-layers"] = (c, v, r) => c with { MrdR1Layers = r.Int(v) },
        ["mrd-r2-layers"] = (c, v, r) => c with { MrdR2Layers = r.Int(v) },
        ["dann-discriminator-layers"] = (c, v, r) => c with { DannDiscriminatorLayers = r.Int(v) },
        ["dann-discriminator-width"] = (c, v, r) => c with { DannDiscriminatorWidth = r.Int(v) },
        ["coral-lambda"] = (c, v, r) => c with { CoralLambda = r.Float(v) },
        ["regressor-layers"] = (c, v, r) => c with { RegressorLayers = r.Int(v) },
    };

    public static IReadOnlyCollection<string> KnownKeys => Keys.Keys;

    public static ExperimentConfig Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Experiment config not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses YAML text; <paramref name="path"/> names it in errors and anchors relative corpus paths.</summary>
    public static ExperimentConfig Parse(string yaml, string path)
    {
        var reader = new Reader(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigException(path, (int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        if (stream.Documents.Count == 0) throw new ConfigException(path, 1, 1, "the file is empty.");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw reader.Error(stream.Documents[0].RootNode, "expected a mapping of keys (e.g. 'repeats: 10').");

        var config = new ExperimentConfig();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            string key = keyNode is YamlScalarNode { Value: { } k } ? k : throw reader.Error(keyNode, "keys must be plain names.");
            if (!Keys.TryGetValue(key, out var set))
                throw reader.Error(keyNode, $"unknown key '{key}'. Known keys: {string.Join(", ", Keys.Keys)}.");
            if (!seen.TryAdd(key, value)) throw reader.Error(keyNode, $"key '{key}' appears twice.");
            config = set(config, value, reader);
        }
        try
        {
            // The corpora may come from the command line instead; everything else is checked here.
            (config.CorpusA.Length > 0 ? config : config with { CorpusA = "a", CorpusB = "b" }).Validate();
        }
        catch (InvalidSettingException ex) when (seen.TryGetValue(ex.Key, out var node))
        {
            throw reader.Error(node, ex.Message);
        }
        return config;
    }

    private sealed class Reader(string path)
    {
        public ConfigException Error(YamlNode node, string problem) =>
            new(path, (int)node.Start.Line, (int)node.Start.Column, problem);

        public string ResolvePath(string file) =>
            Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", file));

        public string Scalar(YamlNode node) =>
            node is YamlScalarNode { Value: { } s } ? s : throw Error(node, "expected a single value.");

        public int Int(YamlNode node)
        {
            var s = Scalar(node);
            return int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v)
                ? v : throw Error(node, $"expected a whole number, got '{s}'.");
        }

        public float Float(YamlNode node)
        {
            var s = Scalar(node);
            return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)
                ? v : throw Error(node, $"expected a number, got '{s}'.");
        }

        public string Choice(YamlNode node, IReadOnlyList<string> choices)
        {
            var s = Scalar(node);
            return choices.Contains(s) ? s : throw Error(node, $"expected one of {string.Join(", ", choices)}, got '{s}'.");
        }

        public List<string> StringList(YamlNode node) => node switch
        {
            YamlSequenceNode seq => seq.Children.Select(Scalar).ToList(),
            _ => throw Error(node, "expected a list, e.g. [a, b]."),
        };
    }
}
