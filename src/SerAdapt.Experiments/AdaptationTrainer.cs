using SerAdapt.Adaptation;
using SerAdapt.Data;
using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>
/// The real <see cref="RunTrainer"/>: the two corpora as <see cref="CorpusDomain"/>s (each z-normalised
/// with its own statistics, as in the paper), trained with the configuration's methods and scored on
/// every target utterance that has a valence label.
/// </summary>
public sealed class AdaptationTrainer
{
    private const string Label = "valence";
    private readonly ExperimentConfig _config;
    private readonly CorpusDomain _a, _b;
    // Each direction's (source, target), the source's labels already on the target's scale: made once, not per run.
    private readonly (DomainData Source, DomainData Target) _aToB, _bToA;

    public AdaptationTrainer(ExperimentConfig config, CorpusDomain a, CorpusDomain b)
    {
        CorpusLoader.CheckCompatible(a.Raw, config.CorpusA, b.Raw, config.CorpusB);
        _config = config;
        _a = a;
        _b = b;
        _aToB = (a.OnScaleOf(b, Label).Data, b.Data);
        _bToA = (b.OnScaleOf(a, Label).Data, a.Data);
    }

    /// <summary>Two corpora in memory (e.g. the synthetic pair); experiments score valence in both directions, so both need it.</summary>
    public AdaptationTrainer(ExperimentConfig config, Corpus corpusA, Corpus corpusB)
        : this(config, CorpusDomain.FromCorpus(corpusA, config.CorpusA, Label, labelRequired: true),
            CorpusDomain.FromCorpus(corpusB, config.CorpusB, Label, labelRequired: true))
    {
    }

    public Corpus CorpusA => _a.Raw;
    public Corpus CorpusB => _b.Raw;

    /// <summary>What loading the corpora had to say (unlabelled rows, constant features...).</summary>
    public IReadOnlyList<string> Warnings => [.. _a.Warnings, .. _b.Warnings];

    /// <summary>Called with every trained model (e.g. to keep one for the t-SNE figure).</summary>
    public Action<RunSpec, FitResult>? Fitted { get; set; }

    /// <summary>Group (session, else speaker) names of corpus A or B, indexed by <see cref="DomainData.Groups"/>.</summary>
    public IReadOnlyList<string> Sessions(string corpus) => (corpus == "a" ? _a : _b).GroupNames;

    /// <summary>Reads both corpora of <paramref name="config"/> (any format <see cref="CorpusDomain"/> reads; <paramref name="csv"/> names a generic CSV's columns).</summary>
    public static AdaptationTrainer Load(ExperimentConfig config, GenericCsvOptions? csv = null) =>
        new(config, CorpusDomain.Load(config.CorpusA, Label, labelRequired: true, csv), CorpusDomain.Load(config.CorpusB, Label, labelRequired: true, csv));

    /// <summary>
    /// (source, target) of a direction, normalised per corpus; the source's labels are carried onto the
    /// target's label scale when the two differ (see <see cref="ScaleMappings"/>).
    /// </summary>
    public (DomainData Source, DomainData Target) Domains(string direction) => direction == "a-to-b" ? _aToB : _bToA;

    /// <summary>Records on a model trained in <paramref name="direction"/> its target's normalisation, label and scale (see <see cref="CorpusDomain.DescribeAsTargetOf"/>).</summary>
    public void DescribeTarget(ValenceModel model, string direction) => (direction == "a-to-b" ? _b : _a).DescribeAsTargetOf(model, Label);

    /// <summary>One line per direction whose source labels are mapped onto the target's scale (empty when the scales agree).</summary>
    public IReadOnlyList<string> ScaleMappings =>
        [.. new[] { ("a-to-b", _a.ScaleMappingOnto(_b, Label)), ("b-to-a", _b.ScaleMappingOnto(_a, Label)) }
            .Where(d => d.Item2 is not null)
            .Select(d => $"{d.Item1}: source {Label} labels mapped onto the target's scale, {d.Item2}")];

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
