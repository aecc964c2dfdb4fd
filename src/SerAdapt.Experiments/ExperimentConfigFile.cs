using System.Globalization;
using System.Text;
using SerAdapt.Adaptation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SerAdapt.Experiments;

/// <summary>
/// Reads an experiment configuration from YAML: a flat mapping whose keys are the experiment's own
/// (<c>corpora: [A, B]</c>, or <c>source: [A, C]</c> and <c>target: B</c>, <c>directions</c>, <c>methods</c>, <c>repeats</c>) and every setting the
/// <see cref="MethodRegistry"/> declares, by its declared name (the same word as the command-line flag).
/// <c>grid:</c> maps methods to settings and their values (<c>mrd: {lr: [5e-5, 1e-4], m: [1, 3]}</c>, see
/// <see cref="HyperparameterGrid"/>). Relative corpus paths are taken from the config file's folder. Unknown keys, wrong types, bad values
/// and YAML syntax errors are reported with the file, line and column.
/// </summary>
public static class ExperimentConfigFile
{
    // Keys and values of earlier versions, so that an old file gets a precise hint instead of a bare "unknown".
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["learning-rate"] = "lr",
        ["mrd-encoder-steps"] = "m",
        ["source-validation"] = "source-val",
        ["fixed-epochs"] = "fixed",
    };

    /// <summary>Every key a config file may have, with <paramref name="registry"/>'s settings.</summary>
    public static IReadOnlyList<string> KnownKeys(MethodRegistry? registry = null) =>
        [.. ExperimentConfig.ExperimentKeys, .. (registry ?? MethodRegistry.Default).AllSettings.Select(d => d.Name)];

    public static ExperimentConfig Load(string path, MethodRegistry? registry = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Experiment config not found: {path}", path);
        return Parse(File.ReadAllText(path), path, registry);
    }

    /// <summary>Parses YAML text; <paramref name="path"/> names it in errors and anchors relative corpus paths.</summary>
    public static ExperimentConfig Parse(string yaml, string path, MethodRegistry? registry = null)
    {
        registry ??= MethodRegistry.Default;
        var reader = new Reader(path);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new ConfigException(path, (int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports some unclosed flow collections ('[a, b' followed by more keys) without a position:
            // name the last place it read.
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new ConfigException(path, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column),
                "not valid YAML: a '[' or '{' is not closed before this point.");
        }
        if (stream.Documents.Count == 0) throw new ConfigException(path, 1, 1, "the file is empty.");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw reader.Error(stream.Documents[0].RootNode, "expected a mapping of keys (e.g. 'repeats: 10').");

        var config = new ExperimentConfig { Registry = registry };
        var training = new Dictionary<string, object>(StringComparer.Ordinal);
        var methodSettings = new Dictionary<string, object>(StringComparer.Ordinal);
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            string key = keyNode is YamlScalarNode { Value: { } k } ? k : throw reader.Error(keyNode, "keys must be plain names.");
            if (!seen.TryAdd(key, value)) throw reader.Error(keyNode, $"key '{key}' appears twice.");
            switch (key)
            {
                case "corpora":
                    var list = reader.StringList(value);
                    if (list.Count != 2) throw reader.Error(value, $"'corpora' needs exactly two corpus files, got {list.Count}.");
                    config = config with { CorpusA = reader.ResolvePath(list[0]), CorpusB = reader.ResolvePath(list[1]) };
                    break;
                case "source":
                    List<string> sources = value is YamlScalarNode ? [reader.Scalar(value)] : reader.StringList(value);
                    if (sources.Count == 0) throw reader.Error(value, "'source' needs at least one corpus file.");
                    config = config with { Sources = sources.Select(reader.ResolvePath).ToList() };
                    break;
                case "target":
                    config = config with { Target = reader.ResolvePath(reader.Scalar(value)) };
                    break;
                case "directions":
                    config = config with { Directions = reader.Scalar(value) };
                    break;
                case "methods":
                    var methods = reader.StringList(value);
                    foreach (var m in methods)
                        if (!registry.Contains(m))
                            throw reader.Error(value, $"unknown method '{m}'; known: {string.Join(", ", registry.Names)}.");
                    config = config with { Methods = methods };
                    break;
                case "repeats":
                    config = config with { Repeats = reader.Int(value) };
                    break;
                case "grid":
                    config = config with { Grid = reader.Grid(value, registry) };
                    break;
                default:
                    var d = registry.AllSettings.FirstOrDefault(s => s.Name == key) ?? throw reader.Error(keyNode,
                        Renamed.TryGetValue(key, out var now) ? $"'{key}' is now called '{now}'."
                            : $"unknown key '{key}'. Known keys: {string.Join(", ", KnownKeys(registry))}.");
                    (registry.TrainingSettings.Contains(d) ? training : methodSettings)[key] = reader.Setting(d, value);
                    break;
            }
        }
        try
        {
            config = config with { Training = Settings.With(new TrainingOptions(), training), MethodSettings = methodSettings };
            // The corpora (or the sources or the target alone) may come from the command line instead: stand-ins for
            // what the file leaves out; everything else is checked here.
            (config.HasSources
                ? config with { Sources = config.Sources.Count > 0 ? config.Sources : ["source"], Target = config.Target.Length > 0 ? config.Target : "target" }
                : config.CorpusA.Length > 0 ? config : config with { CorpusA = "a", CorpusB = "b" }).Validate();
        }
        catch (InvalidSettingException ex) when (seen.TryGetValue(ex.Key, out var node))
        {
            throw reader.Error(node, ex.Message);
        }
        return config;
    }

    /// <summary>
    /// A config file with every key, its default and its help as comments: what <c>seradapt config</c>
    /// prints, to be copied and edited.
    /// </summary>
    public static string Schema(MethodRegistry? registry = null)
    {
        registry ??= MethodRegistry.Default;
        var defaults = new ExperimentConfig { Registry = registry };
        var sb = new StringBuilder();
        sb.AppendLine("# SerAdapt experiment configuration (seradapt experiment --config FILE; train --config FILE reads the settings).");
        sb.AppendLine("# Every key is optional; a key not given keeps the default shown. Keys are the command-line flags without '--'.");
        sb.AppendLine("corpora: [corpus-a.parquet, corpus-b.parquet]   # the two corpus files (paths relative to this file)");
        sb.AppendLine("# source: [corpus-a.parquet, corpus-c.parquet]   # instead of corpora: labelled sources, each z-normalised on its own and pooled ...");
        sb.AppendLine("# target: corpus-b.parquet   # ... for this one target: one direction, sources -> target (directions does not apply)");
        sb.AppendLine($"directions: {defaults.Directions}   # {string.Join(" | ", ExperimentConfig.DirectionChoices)}");
        sb.AppendLine($"methods: [{string.Join(", ", defaults.Methods)}]   # any of: {string.Join(", ", registry.Names)}");
        sb.AppendLine($"repeats: {defaults.Repeats}   # runs per method and direction");
        sb.AppendLine("# grid:   # optional: per method, settings and their values; every point is trained and each selection criterion's choice reported");
        sb.AppendLine("#   mrd: {lr: [5e-5, 1e-4], m: [1, 3]}");
        sb.AppendLine("#   coral: {coral-lambda: [0.3, 1, 3]}");
        sb.AppendLine().AppendLine("# Training (every method)");
        foreach (var d in registry.TrainingSettings) Line(sb, d, d.Description);
        foreach (var m in registry.Methods)
        {
            var own = m.Settings.Where(d => registry.UsersOf(d.Name)[0] == m.Name).ToList();
            if (own.Count == 0) continue;
            sb.AppendLine().AppendLine($"# {m.Display} ({m.Name}): {m.Description}");
            foreach (var d in own)
            {
                var users = registry.UsersOf(d.Name);
                Line(sb, d, users.Count > 1 ? $"{d.Description}; used by {string.Join(", ", users)}" : d.Description);
            }
        }
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, SettingDeclaration d, string help) =>
        sb.AppendLine($"{d.Name}: {d.Format(d.Default)}   # {help} ({d.Range})");

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

        public object Setting(SettingDeclaration d, YamlNode node)
        {
            var s = Scalar(node);
            try
            {
                return d.Parse(s);
            }
            catch (InvalidSettingException ex)
            {
                throw Error(node, Renamed.TryGetValue(s, out var now) ? $"{ex.Message} ('{s}' is now called '{now}')" : ex.Message);
            }
        }

        public HyperparameterGrid Grid(YamlNode node, MethodRegistry registry)
        {
            if (node is not YamlMappingNode methods)
                throw Error(node, "expected a mapping of methods to settings, e.g. 'mrd: {lr: [5e-5, 1e-4], m: [1, 3]}'.");
            var grid = new List<KeyValuePair<string, IReadOnlyList<GridAxis>>>();
            foreach (var (methodNode, settingsNode) in methods.Children)
            {
                string method = Scalar(methodNode);
                if (grid.Any(g => g.Key == method)) throw Error(methodNode, $"the grid of '{method}' appears twice.");
                if (settingsNode is not YamlMappingNode settings)
                    throw Error(settingsNode, $"expected the settings of {method} and their values, e.g. '{{lr: [5e-5, 1e-4]}}'.");
                var axes = new List<GridAxis>();
                foreach (var (settingNode, valuesNode) in settings.Children)
                {
                    string setting = Scalar(settingNode);
                    SettingDeclaration d;
                    try
                    {
                        d = HyperparameterGrid.Declaration(registry, method, setting);
                    }
                    catch (InvalidSettingException ex)
                    {
                        throw Error(ex.Key == "grid" ? methodNode : settingNode, ex.Message);
                    }
                    if (axes.Any(a => a.Setting == setting)) throw Error(settingNode, $"'{setting}' appears twice in the grid of {method}.");
                    var values = valuesNode is YamlSequenceNode seq ? seq.Children.Select(v => Setting(d, v)).ToList() : [Setting(d, valuesNode)];
                    if (values.Count == 0) throw Error(valuesNode, $"'{setting}' needs at least one value in the grid of {method}.");
                    if (values.Select(d.Format).Distinct().Count() != values.Count) throw Error(valuesNode, $"'{setting}' lists a value twice in the grid of {method}.");
                    axes.Add(new GridAxis(setting, values));
                }
                grid.Add(new(method, axes));
            }
            return new HyperparameterGrid(grid);
        }

        public List<string> StringList(YamlNode node) => node switch
        {
            YamlSequenceNode seq => seq.Children.Select(Scalar).ToList(),
            _ => throw Error(node, "expected a list, e.g. [a, b]."),
        };
    }
}
