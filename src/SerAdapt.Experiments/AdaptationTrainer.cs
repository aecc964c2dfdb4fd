using SerAdapt.Adaptation;
using SerAdapt.Data;
using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>
/// The real <see cref="RunTrainer"/>: the corpora as <see cref="CorpusDomain"/>s (each z-normalised
/// with its own statistics, as in the paper), trained with the configuration's methods and scored on
/// every target utterance that has a valence label. Two corpora give two directions; several sources
/// for one target give one, the sources pooled by <see cref="SourceCorpora"/> (as <c>train --source</c> pools them).
/// </summary>
public sealed class AdaptationTrainer
{
    private const string Label = "valence";
    private readonly ExperimentConfig _config;
    // Every corpus by its role (config.CorpusFiles), for warnings, row counts and group names.
    private readonly IReadOnlyList<(string Role, CorpusDomain Domain)> _corpora;
    // Each direction's source (labels already on the target's scale) and target: made once, not per run.
    private readonly Dictionary<string, (DomainData Source, CorpusDomain Target, string? ScaleMapping)> _directions;

    public AdaptationTrainer(ExperimentConfig config, CorpusDomain a, CorpusDomain b)
    {
        CorpusLoader.CheckCompatible(a.Raw, config.CorpusA, b.Raw, config.CorpusB);
        _config = config;
        _corpora = [("a", a), ("b", b)];
        _directions = new()
        {
            ["a-to-b"] = (a.OnScaleOf(b, Label).Data, b, a.ScaleMappingOnto(b, Label)),
            ["b-to-a"] = (b.OnScaleOf(a, Label).Data, a, b.ScaleMappingOnto(a, Label)),
        };
    }

    /// <summary>Several labelled sources for one target (<see cref="ExperimentConfig.Sources"/>), pooled by <see cref="SourceCorpora.Pool"/>.</summary>
    public AdaptationTrainer(ExperimentConfig config, IReadOnlyList<CorpusDomain> sources, CorpusDomain target)
    {
        var pooled = SourceCorpora.Pool(sources, target, Label);
        _config = config;
        _corpora = [.. config.CorpusFiles.Zip([.. sources, target], (file, domain) => (file.Role, domain))];
        var mappings = pooled.ScaleMappingsOnto(target, Label);
        _directions = new() { [ExperimentConfig.SourcesToTarget] = (pooled.Data, target, mappings.Count == 0 ? null : string.Join("; ", mappings)) };
    }

    /// <summary>Two corpora in memory (e.g. the synthetic pair); experiments score valence in both directions, so both need it.</summary>
    public AdaptationTrainer(ExperimentConfig config, Corpus corpusA, Corpus corpusB)
        : this(config, CorpusDomain.FromCorpus(corpusA, config.CorpusA, Label, labelRequired: true),
            CorpusDomain.FromCorpus(corpusB, config.CorpusB, Label, labelRequired: true))
    {
    }

    /// <summary>The target corpus of <paramref name="direction"/>.</summary>
    public CorpusDomain TargetOf(string direction) => _directions[direction].Target;

    /// <summary>Rows of each corpus by role ("a"/"b", or "source-1", ..., "target"), for the run record.</summary>
    public IReadOnlyDictionary<string, int> Rows => _corpora.ToDictionary(c => c.Role, c => c.Domain.Raw.Count);

    /// <summary>What loading the corpora had to say (unlabelled rows, constant features...).</summary>
    public IReadOnlyList<string> Warnings => [.. _corpora.SelectMany(c => c.Domain.Warnings)];

    /// <summary>Called with every trained model (e.g. to keep one for the t-SNE figure).</summary>
    public Action<RunSpec, FitResult>? Fitted { get; set; }

    /// <summary>Group (session, else speaker) names of the corpus of this role, indexed by <see cref="DomainData.Groups"/>.</summary>
    public IReadOnlyList<string> Sessions(string role) => _corpora.First(c => c.Role == role).Domain.GroupNames;

    /// <summary>Reads the corpora of <paramref name="config"/> (any format <see cref="CorpusDomain"/> reads; <paramref name="csv"/> names a generic CSV's columns).</summary>
    public static AdaptationTrainer Load(ExperimentConfig config, GenericCsvOptions? csv = null)
    {
        CorpusDomain Read(string path) => CorpusDomain.Load(path, Label, labelRequired: true, csv);
        return config.HasSources
            ? new(config, config.Sources.Select(Read).ToList(), Read(config.Target))
            : new(config, Read(config.CorpusA), Read(config.CorpusB));
    }

    /// <summary>
    /// (source, target) of a direction, normalised per corpus; the source's labels are carried onto the
    /// target's label scale when the two differ (see <see cref="ScaleMappings"/>).
    /// </summary>
    public (DomainData Source, DomainData Target) Domains(string direction) => (_directions[direction].Source, _directions[direction].Target.Data);

    /// <summary>Records on a model trained in <paramref name="direction"/> its target's normalisation, label and scale (see <see cref="CorpusDomain.DescribeAsTargetOf"/>).</summary>
    public void DescribeTarget(ValenceModel model, string direction) => TargetOf(direction).DescribeAsTargetOf(model, Label);

    /// <summary>One line per direction whose source labels are mapped onto the target's scale (empty when the scales agree).</summary>
    public IReadOnlyList<string> ScaleMappings =>
        [.. _directions.Where(d => d.Value.ScaleMapping is not null)
            .Select(d => $"{d.Key}: source {Label} labels mapped onto the target's scale, {d.Value.ScaleMapping}")];

    /// <summary>Trains one point of a grid (<see cref="SelectionStudy"/>), scoring every criterion after each epoch; the model is not kept.</summary>
    public EpochScores TrainGrid(GridRun run, IProgress<TrainingProgress> progress, CancellationToken cancellationToken) =>
        TrainGrid(run, progress, cancellationToken, null);

    /// <summary>
    /// <see cref="TrainGrid(GridRun, IProgress{TrainingProgress}, CancellationToken)"/> that also saves each model (the epoch
    /// the configuration's <c>selection</c> keeps) to <see cref="SelectionStudy.ModelFolder"/> under <paramref name="directory"/>,
    /// normalised with the target's statistics as <c>train</c> saves it.
    /// </summary>
    public GridTrainer KeepingModelsIn(string directory) => (run, progress, token) => TrainGrid(run, progress, token, directory);

    private EpochScores TrainGrid(GridRun run, IProgress<TrainingProgress> progress, CancellationToken cancellationToken, string? keepModelsIn)
    {
        var (source, target) = Domains(run.Direction);
        return SelectionStudy.Train(_config, run, (method, options) =>
        {
            var fit = method.Fit(source, target, options, progress, cancellationToken);
            if (keepModelsIn is not null)
            {
                DescribeTarget(fit.Model, run.Direction);
                fit.Model.SetInfo("grid_point", run.Point.Label(_config.Registry));
                fit.Model.Save(SelectionStudy.ModelFolder(keepModelsIn, run));
            }
            return fit;
        });
    }

    public RunOutcome Train(RunSpec run, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        var (source, target) = Domains(run.Direction);
        var method = _config.CreateMethod(run.Method);
        var fit = method.Fit(source, target, _config.TrainingOptions(run.Seed), progress, cancellationToken);
        Fitted?.Invoke(run, fit);
        var (prediction, truth) = target.LabelledPairs(fit.TargetPredictions);
        return new RunOutcome(RegressionMetrics.Pearson(prediction, truth), RegressionMetrics.Ccc(prediction, truth),
            RegressionMetrics.Rmse(prediction, truth), fit.EpochsTrained, fit.UsedOracle);
    }
}
