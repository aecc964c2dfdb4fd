using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>
/// Everything that decides an experiment's numbers: the two corpora and which directions (or several
/// labelled <see cref="Sources"/> pooled for one <see cref="Target"/>, one direction), methods and
/// repeats, the training settings (<see cref="TrainingOptions"/>, whose seed is the master seed) and
/// the methods' own settings by name. Defaults are the paper's values (Table 1: the five methods, both
/// directions, 10 repeats, 100 epochs, width 1024). Its JSON and YAML keys are the settings' declared
/// names (see <see cref="MethodRegistry"/>), the same words as the command-line flags.
/// </summary>
public sealed record ExperimentConfig
{
    public static readonly IReadOnlyList<string> DirectionChoices = ["both", "a-to-b", "b-to-a"];
    public const string SourceOnly = "source-only";
    public const string TrainOnTarget = "train-on-target";

    /// <summary>The one direction of an experiment with <see cref="Sources"/> and a <see cref="Target"/>.</summary>
    public const string SourcesToTarget = "sources-to-target";

    /// <summary>The keys that are the experiment's own (not training or method settings).</summary>
    public static readonly IReadOnlyList<string> ExperimentKeys = ["corpora", "source", "target", "directions", "methods", "repeats", "grid"];

    /// <summary>Path of corpus A (a .parquet corpus file).</summary>
    public string CorpusA { get; init; } = "";
    public string CorpusB { get; init; } = "";

    /// <summary>
    /// Labelled source corpora pooled for <see cref="Target"/> (each z-normalised on its own, see
    /// <see cref="SourceCorpora"/>): the experiment's one direction, instead of <see cref="CorpusA"/> and <see cref="CorpusB"/>.
    /// </summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public string Target { get; init; } = "";

    /// <summary>The experiment names <see cref="Sources"/> and a <see cref="Target"/> rather than two corpora.</summary>
    public bool HasSources => Sources.Count > 0 || Target.Length > 0;
    public string Directions { get; init; } = "both";

    /// <summary>The methods to run; by default the registry's methods of the paper.</summary>
    public IReadOnlyList<string> Methods
    {
        get => _methods ?? Registry.Methods.Where(m => m.InPaper).Select(m => m.Name).ToList();
        init => _methods = value;
    }

    private readonly IReadOnlyList<string>? _methods;

    public int Repeats { get; init; } = 10;

    /// <summary>Training settings of every run; <see cref="TrainingOptions.Seed"/> is the master seed.</summary>
    public TrainingOptions Training { get; init; } = new();

    /// <summary>Method settings by declared name (e.g. "m", "coral-lambda"); a setting not given keeps its default.</summary>
    public IReadOnlyDictionary<string, object> MethodSettings { get; init; } = new Dictionary<string, object>();

    /// <summary>Hyperparameter grids per method (<c>grid:</c>); with one, the experiment is a <see cref="SelectionStudy"/>.</summary>
    public HyperparameterGrid Grid { get; init; } = HyperparameterGrid.Empty;

    /// <summary>The methods that may be named, and their settings.</summary>
    public MethodRegistry Registry { get; init; } = MethodRegistry.Default;

    public int Seed => Training.Seed;

    public bool UsesOracle => Training.Selection == ModelSelection.Oracle;

    /// <summary>The directions to run, as "a-to-b" / "b-to-a".</summary>
    public IReadOnlyList<string> DirectionList => HasSources ? [SourcesToTarget] : Directions switch
    {
        "both" => ["a-to-b", "b-to-a"],
        _ => [Directions],
    };

    /// <summary>Throws <see cref="InvalidSettingException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (HasSources) ValidateSources();
        else if (string.IsNullOrWhiteSpace(CorpusA) || string.IsNullOrWhiteSpace(CorpusB))
            throw new InvalidSettingException("corpora", "needs two corpora (--corpora A B, or 'corpora: [A, B]' in the config), "
                + "or several sources for one target (--source A C --target B, or 'source: [A, C]' and 'target: B').");
        else if (Path.GetFullPath(CorpusA) == Path.GetFullPath(CorpusB))
            throw new InvalidSettingException("corpora", $"names one corpus twice ({CorpusA}); adaptation needs two different corpora.");
        if (!DirectionChoices.Contains(Directions))
            throw new InvalidSettingException("directions", $"must be one of {string.Join(", ", DirectionChoices)}, got '{Directions}'.");
        var methods = Methods;
        if (methods.Count == 0) throw new InvalidSettingException("methods", "needs at least one method.");
        foreach (var m in methods)
            if (!Registry.Contains(m))
                throw new InvalidSettingException("methods", $"has an unknown method '{m}'; known: {string.Join(", ", Registry.Names)}.");
        if (methods.Distinct().Count() != methods.Count) throw new InvalidSettingException("methods", "lists a method twice.");
        if (Repeats < 1) throw new InvalidSettingException("repeats", $"must be at least 1, got {Repeats}.");
        Training.Validate();
        foreach (var (name, value) in MethodSettings)
            (Registry.MethodSettings.FirstOrDefault(d => d.Name == name)
                ?? throw new InvalidSettingException(name, $"is not a setting of any method; known: {string.Join(", ", Registry.MethodSettings.Select(d => d.Name))}.")).Check(value);
        Grid.Validate(Registry, methods);
        // A grid scores every point with label-free criteria on a held-out SOURCE split; Train-on-Target has no source
        // and chooses its epochs on target folds, so its grid numbers would be meaningless.
        if (!Grid.IsEmpty && methods.Contains(TrainOnTarget))
            throw new InvalidSettingException("grid", $"cannot run with {TrainOnTarget} (it trains on the target's labels; model selection without them does not apply): run it in an experiment without a grid.");
    }

    private void ValidateSources()
    {
        if (CorpusA.Length > 0 || CorpusB.Length > 0)
            throw new InvalidSettingException("corpora", "and source/target are two ways of naming the corpora: give one of them, not both.");
        if (Sources.Count == 0)
            throw new InvalidSettingException("source", "needs at least one labelled source corpus for the target (--source A C ..., or 'source: [A, C]').");
        if (Target.Length == 0)
            throw new InvalidSettingException("source", "needs a target corpus too (--target B, or 'target: B').");
        var twice = Sources.GroupBy(Path.GetFullPath).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidSettingException("source", $"names {twice.First()} twice.");
        if (Sources.Any(s => Path.GetFullPath(s) == Path.GetFullPath(Target)))
            throw new InvalidSettingException("target", $"{Target} is also a source; adaptation needs a target that is not among the sources.");
        if (Directions != "both")
            throw new InvalidSettingException("directions", $"is for two corpora (corpora: [A, B]); with source and target there is one direction, the sources to the target (got '{Directions}').");
    }

    /// <summary>
    /// The corpus files by role: "a" and "b"; with <see cref="Sources"/>, "source" (or "source-1", "source-2", ...)
    /// and "target", as <c>train</c> names them.
    /// </summary>
    public IReadOnlyList<(string Role, string Path)> CorpusFiles => HasSources
        ? [.. Sources.Select((s, k) => (SourceCorpora.Role(k, Sources.Count), s)), ("target", Target)]
        : [("a", CorpusA), ("b", CorpusB)];

    /// <summary>
    /// Said in the report and on the console when sources are pooled and Train-on-Target runs: it trains on the
    /// target's labels alone; null otherwise.
    /// </summary>
    public string? TrainOnTargetNote => HasSources && Methods.Contains(TrainOnTarget)
        ? "Train-on-Target trains on the target's own labels (leave-one-session-out): the source corpora are not used for it."
        : null;

    /// <summary>This configuration with <paramref name="point"/>'s values in place of the settings it varies.</summary>
    public ExperimentConfig ForPoint(GridPoint point)
    {
        var training = point.Values.Where(v => Registry.TrainingSettings.Any(d => d.Name == v.Key)).ToDictionary();
        var methodSettings = new Dictionary<string, object>(MethodSettings, StringComparer.Ordinal);
        foreach (var (name, value) in point.Values.Where(v => !training.ContainsKey(v.Key)))
            methodSettings[name] = value;
        return this with { Training = Settings.With(Training, training), MethodSettings = methodSettings };
    }

    /// <summary>
    /// The runs of the full experiment in plan order: repeat-major (all methods and directions of
    /// repeat 0, then repeat 1, ...), so an interrupted experiment has whole repeats.
    /// </summary>
    public IReadOnlyList<RunSpec> Plan()
    {
        var runs = new List<RunSpec>();
        for (int r = 0; r < Repeats; r++)
            foreach (var d in DirectionList)
                foreach (var m in Methods)
                    runs.Add(new RunSpec(runs.Count, m, d, r, RunSeeds.Derive(Seed, d, r)));
        return runs;
    }

    /// <summary>The training options of one run.</summary>
    public TrainingOptions TrainingOptions(int seed) => Training with { Seed = seed };

    /// <summary>The method with this configuration's settings.</summary>
    public IAdaptationMethod CreateMethod(string name) => Registry[name].Create(MethodSettings);

    /// <summary>How this configuration differs from the paper's (empty when it is the paper's).</summary>
    public IReadOnlyList<string> DifferencesFromPaper()
    {
        var paper = new ExperimentConfig { CorpusA = CorpusA, CorpusB = CorpusB, Sources = Sources, Target = Target, Methods = Methods, Registry = Registry };
        var mine = ToJson(this);
        var theirs = ToJson(paper);
        var differences = new List<string>();
        foreach (var (key, value) in mine)
        {
            if (key is "corpus-a" or "corpus-b" or "source" or "target" or "seed" or "threads" or "grid") continue;
            var reference = theirs[key];
            if (!JsonNode.DeepEquals(value, reference))
                differences.Add($"{key}: {value?.ToJsonString()} (paper: {reference?.ToJsonString()})");
        }
        return differences;
    }

    /// <summary>Canonical JSON of the settings that decide results (corpora by file name, no speed-only settings).</summary>
    public string Fingerprint()
    {
        var json = ToJson(this with
        {
            CorpusA = Path.GetFileName(CorpusA), CorpusB = Path.GetFileName(CorpusB),
            Sources = Sources.Select(s => Path.GetFileName(s)).ToList(), Target = Path.GetFileName(Target),
        });
        foreach (var d in Registry.AllSettings.Where(d => !d.AffectsResults))
            json.Remove(d.Name);
        return json.ToJsonString();
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Flat JSON with the declared names: the experiment's keys, every training setting, and every
    /// setting of the methods run (defaults included), so that a report says everything.
    /// </summary>
    public static JsonObject ToJson(ExperimentConfig config)
    {
        // Two corpora keep the keys they always had (a report's settings table and manifest stay as they were).
        var json = config.HasSources
            ? new JsonObject
            {
                ["source"] = new JsonArray(config.Sources.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
                ["target"] = config.Target,
            }
            : new JsonObject { ["corpus-a"] = config.CorpusA, ["corpus-b"] = config.CorpusB, ["directions"] = config.Directions };
        json["methods"] = new JsonArray(config.Methods.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray());
        json["repeats"] = config.Repeats;
        foreach (var (key, value) in Settings.ToJson(config.Training))
            json[key] = value?.DeepClone();
        foreach (var d in config.UsedMethodSettings())
            json[d.Name] = d.ToJson(config.MethodSettings.TryGetValue(d.Name, out var v) ? v : d.Default);
        if (!config.Grid.IsEmpty)
            json["grid"] = config.Grid.ToJson(config.Registry);
        return json;
    }

    /// <summary>Reads <see cref="ToJson"/>'s form back (method settings resolved with <paramref name="registry"/>).</summary>
    public static ExperimentConfig FromJson(JsonNode node, MethodRegistry? registry = null)
    {
        registry ??= MethodRegistry.Default;
        var o = node.AsObject();
        var training = new Dictionary<string, object>(StringComparer.Ordinal);
        var methodSettings = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var d in registry.TrainingSettings)
            if (o[d.Name] is { } v) training[d.Name] = d.FromJson(v);
        foreach (var d in registry.MethodSettings)
            if (o[d.Name] is { } v) methodSettings[d.Name] = d.FromJson(v);
        return new ExperimentConfig
        {
            CorpusA = o["corpus-a"]?.GetValue<string>() ?? "",
            CorpusB = o["corpus-b"]?.GetValue<string>() ?? "",
            Sources = o["source"]?.AsArray().Select(s => s!.GetValue<string>()).ToList() ?? [],
            Target = o["target"]?.GetValue<string>() ?? "",
            Directions = o["directions"]?.GetValue<string>() ?? "both",
            Methods = o["methods"]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? registry.Methods.Where(m => m.InPaper).Select(m => m.Name).ToList(),
            Repeats = o["repeats"]?.GetValue<int>() ?? 10,
            Training = Settings.With(new TrainingOptions(), training),
            MethodSettings = methodSettings,
            Grid = o["grid"] is JsonObject grid ? HyperparameterGrid.FromJson(grid, registry) : HyperparameterGrid.Empty,
            Registry = registry,
        };
    }

    /// <summary>The settings of the methods this experiment runs, each name once.</summary>
    private IEnumerable<SettingDeclaration> UsedMethodSettings() =>
        Registry.MethodSettings.Where(d => Registry.UsersOf(d.Name).Intersect(Methods).Any());
}
