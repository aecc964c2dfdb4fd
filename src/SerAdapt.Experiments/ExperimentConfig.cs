using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>
/// Everything that decides an experiment's numbers: the two corpora, which directions, methods and
/// repeats, the master seed and the training settings. Defaults are the paper's values (Table 1:
/// five methods, both directions, 10 repeats, 100 epochs, width 1024). Keys in YAML and JSON are the
/// kebab-case property names (see docs/reproducing-the-paper.md).
/// </summary>
public sealed record ExperimentConfig
{
    // The paper's settings live with the methods; the experiment's defaults are read from them.
    private static readonly TrainingOptions Paper = new();
    private static readonly MrdOptions PaperMrd = new();
    private static readonly DannOptions PaperDann = new();
    private static readonly CoralOptions PaperCoral = new();
    private static readonly SourceOnlyOptions PaperRegressor = new();

    public static IReadOnlyList<string> AllMethods => AdaptationMethods.Names;
    public static readonly IReadOnlyList<string> DirectionChoices = ["both", "a-to-b", "b-to-a"];
    public static readonly IReadOnlyList<string> SelectionChoices = ["source-validation", "fixed-epochs", "oracle"];
    public const string SourceOnly = "source-only";

    /// <summary>Path of corpus A (a .parquet corpus file).</summary>
    public string CorpusA { get; init; } = "";
    public string CorpusB { get; init; } = "";
    public string Directions { get; init; } = "both";
    public IReadOnlyList<string> Methods { get; init; } = AllMethods;
    public int Repeats { get; init; } = 10;
    public int Seed { get; init; }

    public int Epochs { get; init; } = Paper.Epochs;
    public float LearningRate { get; init; } = Paper.LearningRate;
    public int BatchSize { get; init; } = Paper.BatchSize;
    public int Width { get; init; } = Paper.Width;
    public int EncoderLayers { get; init; } = Paper.EncoderLayers;
    public float Dropout { get; init; } = Paper.Dropout;
    public string Selection { get; init; } = "source-validation";
    public float ValidationFraction { get; init; } = Paper.ValidationFraction;
    public int Patience { get; init; } = Paper.Patience;

    /// <summary>Cores per run (0 = all). Changes speed only, so it is not part of <see cref="Fingerprint"/>.</summary>
    public int Threads { get; init; }

    public int MrdEncoderSteps { get; init; } = PaperMrd.EncoderSteps;
    public int MrdR1Layers { get; init; } = PaperMrd.R1Layers;
    public int MrdR2Layers { get; init; } = PaperMrd.R2Layers;
    public int DannDiscriminatorLayers { get; init; } = PaperDann.DiscriminatorLayers;
    public int DannDiscriminatorWidth { get; init; } = PaperDann.DiscriminatorWidth;
    public float CoralLambda { get; init; } = PaperCoral.Lambda;

    /// <summary>Layers of the single regressor of Source-only, Train-on-Target, DANN and Deep CORAL (MRD has R1 and R2).</summary>
    public int RegressorLayers { get; init; } = PaperRegressor.RegressorLayers;

    [JsonIgnore]
    public bool UsesOracle => Selection == "oracle";

    /// <summary>The directions to run, as "a-to-b" / "b-to-a".</summary>
    [JsonIgnore]
    public IReadOnlyList<string> DirectionList => Directions switch
    {
        "both" => ["a-to-b", "b-to-a"],
        _ => [Directions],
    };

    /// <summary>Throws <see cref="InvalidSettingException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(CorpusA) || string.IsNullOrWhiteSpace(CorpusB))
            throw new InvalidSettingException("corpora", "Two corpora are needed (--corpora A B, or 'corpora: [A, B]' in the config).");
        if (!DirectionChoices.Contains(Directions))
            throw new InvalidSettingException("directions", $"directions must be one of {string.Join(", ", DirectionChoices)}, got '{Directions}'.");
        if (Methods.Count == 0) throw new InvalidSettingException("methods", "methods: at least one method is needed.");
        foreach (var m in Methods)
            if (!AllMethods.Contains(m))
                throw new InvalidSettingException("methods", $"Unknown method '{m}'; known: {string.Join(", ", AllMethods)}.");
        if (Methods.Distinct().Count() != Methods.Count) throw new InvalidSettingException("methods", "methods: a method is listed twice.");
        if (!SelectionChoices.Contains(Selection))
            throw new InvalidSettingException("selection", $"selection must be one of {string.Join(", ", SelectionChoices)}, got '{Selection}'.");
        Positive(Repeats, "repeats");
        Positive(Epochs, "epochs");
        if (BatchSize < 2) throw new InvalidSettingException("batch-size", $"batch-size must be at least 2 (batch normalisation needs 2 rows), got {BatchSize}.");
        Positive(Width, "width");
        Positive(EncoderLayers, "encoder-layers");
        Positive(Patience, "patience");
        Positive(MrdEncoderSteps, "mrd-encoder-steps");
        Positive(MrdR1Layers, "mrd-r1-layers");
        Positive(MrdR2Layers, "mrd-r2-layers");
        Positive(DannDiscriminatorLayers, "dann-discriminator-layers");
        Positive(DannDiscriminatorWidth, "dann-discriminator-width");
        Positive(RegressorLayers, "regressor-layers");
        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
            throw new InvalidSettingException("learning-rate", $"learning-rate must be positive, got {Format(LearningRate)}.");
        if (!(Dropout >= 0 && Dropout < 1))
            throw new InvalidSettingException("dropout", $"dropout must be in [0, 1), got {Format(Dropout)}.");
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw new InvalidSettingException("validation-fraction", $"validation-fraction must be in (0, 1), got {Format(ValidationFraction)}.");
        if (!(CoralLambda >= 0) || !float.IsFinite(CoralLambda))
            throw new InvalidSettingException("coral-lambda", $"coral-lambda must be non-negative, got {Format(CoralLambda)}.");
        if (Threads < 0) throw new InvalidSettingException("threads", $"threads must be 0 (all cores) or positive, got {Threads}.");
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

    /// <summary>How this configuration differs from the paper's (empty when it is the paper's).</summary>
    public IReadOnlyList<string> DifferencesFromPaper()
    {
        var paper = new ExperimentConfig { CorpusA = CorpusA, CorpusB = CorpusB };
        var mine = ToJson(this);
        var theirs = ToJson(paper);
        var differences = new List<string>();
        foreach (var (key, value) in mine)
        {
            if (key is "corpus-a" or "corpus-b" or "seed" or "threads") continue;
            var reference = theirs[key];
            if (!JsonNode.DeepEquals(value, reference))
                differences.Add($"{key}: {value?.ToJsonString()} (paper: {reference?.ToJsonString()})");
        }
        return differences;
    }

    /// <summary>Canonical JSON of the settings that decide results (corpora by file name, no threads).</summary>
    public string Fingerprint()
    {
        var json = ToJson(this with
        {
            CorpusA = Path.GetFileName(CorpusA),
            CorpusB = Path.GetFileName(CorpusB),
            Threads = 0,
        });
        json.Remove("threads");
        return json.ToJsonString();
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static JsonObject ToJson(ExperimentConfig config) =>
        JsonSerializer.SerializeToNode(config, JsonOptions)!.AsObject();

    public static ExperimentConfig FromJson(JsonNode node) =>
        node.Deserialize<ExperimentConfig>(JsonOptions) ?? throw new InvalidDataException("Empty experiment configuration.");

    /// <summary>The training options of one run.</summary>
    public TrainingOptions TrainingOptions(int seed) => new()
    {
        Epochs = Epochs,
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        Width = Width,
        EncoderLayers = EncoderLayers,
        Dropout = Dropout,
        Seed = seed,
        Selection = Selection switch
        {
            "fixed-epochs" => ModelSelection.FixedEpochs,
            "oracle" => ModelSelection.Oracle,
            _ => ModelSelection.SourceValidation,
        },
        ValidationFraction = ValidationFraction,
        Patience = Patience,
        Threads = Threads,
    };

    /// <summary>The method with this configuration's options.</summary>
    public IAdaptationMethod CreateMethod(string name) => AdaptationMethods.Create(name,
        new MrdOptions(MrdEncoderSteps, MrdR1Layers, MrdR2Layers),
        new DannOptions(DannDiscriminatorLayers, DannDiscriminatorWidth, RegressorLayers),
        new CoralOptions(CoralLambda, RegressorLayers),
        new SourceOnlyOptions(RegressorLayers));

    private static void Positive(int value, string key)
    {
        if (value < 1) throw new InvalidSettingException(key, $"{key} must be at least 1, got {value}.");
    }

    private static string Format(float v) => v.ToString("R", CultureInfo.InvariantCulture);
}
