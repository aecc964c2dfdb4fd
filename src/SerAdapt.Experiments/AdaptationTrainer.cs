using SerAdapt.Adaptation;
using SerAdapt.Data;
using SerAdapt.Engine;
using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>
/// The real <see cref="RunTrainer"/>: the two corpora, each z-normalised with its own statistics
/// (as in the paper), trained with <see cref="AdaptationMethods"/> and scored on every target
/// utterance that has a valence label.
/// </summary>
public sealed class AdaptationTrainer
{
    private readonly ExperimentConfig _config;
    private readonly DomainData _a, _b;

    public AdaptationTrainer(ExperimentConfig config, Corpus corpusA, Corpus corpusB)
    {
        CorpusLoader.CheckCompatible(corpusA, config.CorpusA, corpusB, config.CorpusB);
        _config = config;
        CorpusA = corpusA;
        CorpusB = corpusB;
        _a = ToDomain(corpusA, config.CorpusA);
        _b = ToDomain(corpusB, config.CorpusB);
    }

    public Corpus CorpusA { get; }
    public Corpus CorpusB { get; }

    /// <summary>Called with every trained model (e.g. to keep one for the t-SNE figure).</summary>
    public Action<RunSpec, FitResult>? Fitted { get; set; }

    /// <summary>Session names of corpus A or B, indexed by <see cref="DomainData.Groups"/>.</summary>
    public IReadOnlyList<string> Sessions(string corpus) => Corpus.Distinct(corpus == "a" ? CorpusA.Sessions : CorpusB.Sessions);

    /// <summary>Reads both corpora of <paramref name="config"/> (any format <see cref="CorpusLoader"/> reads).</summary>
    public static AdaptationTrainer Load(ExperimentConfig config) =>
        new(config, CorpusLoader.Load(config.CorpusA), CorpusLoader.Load(config.CorpusB));

    /// <summary>(source, target) of a direction, normalised per corpus.</summary>
    public (DomainData Source, DomainData Target) Domains(string direction) => direction == "a-to-b" ? (_a, _b) : (_b, _a);

    public RunOutcome Train(RunSpec run, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        var (source, target) = Domains(run.Direction);
        var method = _config.CreateMethod(run.Method);
        var fit = method.Fit(source, target, _config.TrainingOptions(run.Seed), progress, cancellationToken);
        Fitted?.Invoke(run, fit);
        var (prediction, truth) = Labelled(fit.TargetPredictions, target.Labels!);
        return new RunOutcome(RegressionMetrics.Pearson(prediction, truth), RegressionMetrics.Ccc(prediction, truth),
            RegressionMetrics.Rmse(prediction, truth), fit.EpochsTrained, fit.UsedOracle);
    }

    /// <summary>The pairs whose label is known (unlabelled utterances cannot be scored).</summary>
    public static (float[] Prediction, float[] Truth) Labelled(float[] prediction, float[] labels)
    {
        var keep = Enumerable.Range(0, labels.Length).Where(i => float.IsFinite(labels[i])).ToArray();
        return (keep.Select(i => prediction[i]).ToArray(), keep.Select(i => labels[i]).ToArray());
    }

    private static DomainData ToDomain(Corpus corpus, string path)
    {
        if (!corpus.Valence.Any(float.IsFinite))
            throw new InvalidDataException($"{path}: corpus '{corpus.Name}' has no valence labels; experiments score on them in both directions.");
        var (normalised, _) = ZNormalization.PerCorpus(corpus);
        var sessions = Corpus.Distinct(corpus.Sessions);
        var index = sessions.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        return new DomainData(new Matrix(normalised.Features, 0, corpus.Count, corpus.Dimension),
            corpus.Valence, corpus.Sessions.Select(s => index[s]).ToArray(), corpus.Ids);
    }
}
