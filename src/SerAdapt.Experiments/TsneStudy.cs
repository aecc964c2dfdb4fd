using System.Globalization;
using System.Text;
using SerAdapt.Adaptation;
using SerAdapt.Engine;
using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Experiments;

/// <summary>
/// The paper's Experiment 2: encode target (and source) utterances with the encoders of a
/// Source-only model and an MRD model, embed each target session together with source utterances
/// by t-SNE, and draw Source-only | MRD side by side, coloured by low/high valence, for the target
/// sessions where Source-only errs most and least. Writes tsne.png/.svg, distortion.csv (per valence
/// group: distance to the nearest source utterances in encoder space, |f1 - f2|, absolute error) and
/// sessions.csv (the per-session errors the choice rests on).
/// </summary>
public static class TsneStudy
{
    public const string FigureName = "tsne";
    public const string DistortionName = "distortion.csv";
    public const string SessionsName = "sessions.csv";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Trains the Source-only and MRD models of the study on corpus A -> B of <paramref name="trainer"/>
    /// with the settings and seed of the first repeat of <paramref name="config"/>.
    /// </summary>
    public static (ValenceModel SourceOnly, ValenceModel Mrd) Train(AdaptationTrainer trainer, ExperimentConfig config,
        IProgress<ExperimentEvent>? events = null, CancellationToken cancellationToken = default)
    {
        var runs = (config with { Methods = [ExperimentConfig.SourceOnly, "mrd"], Directions = "a-to-b", Repeats = 1 }).Plan();
        var models = new Dictionary<string, ValenceModel>();
        var previous = trainer.Fitted;
        trainer.Fitted = (run, fit) => models[run.Method] = fit.Model;
        try
        {
            events?.Report(new ExperimentStarted(runs.Count, 0, runs.Count));
            for (int i = 0; i < runs.Count; i++)
                ExperimentRunner.RunOne(runs[i], trainer.Train, i + 1, runs.Count, events, cancellationToken);
        }
        finally
        {
            trainer.Fitted = previous;
        }
        return (models[ExperimentConfig.SourceOnly], models["mrd"]);
    }

    /// <summary>
    /// Loads the study's two models from their folders, checking each one's method in its <c>model.json</c>:
    /// the first must be Source-only, the second MRD (two heads); a swapped or other model is refused naming its folder.
    /// </summary>
    public static (ValenceModel SourceOnly, ValenceModel Mrd) LoadModels(string sourceOnlyDir, string mrdDir)
    {
        var sourceOnly = ValenceModel.Load(sourceOnlyDir);
        var mrd = ValenceModel.Load(mrdDir);
        if (sourceOnly.Method != ExperimentConfig.SourceOnly)
            throw new ArgumentException($"{sourceOnlyDir} holds a '{sourceOnly.Method}' model; the first of --models must be a source-only model"
                + (sourceOnly.Method == "mrd" ? " (are the two swapped?)." : "."));
        if (mrd.Method != "mrd" || mrd.HeadNames.Count != 2)
            throw new ArgumentException($"{mrdDir} holds a '{mrd.Method}' model with {mrd.HeadNames.Count} head(s); the second of --models must be an mrd model (two heads).");
        return (sourceOnly, mrd);
    }

    /// <param name="source">The labelled source, normalised as for training.</param>
    /// <param name="target">The target with labels and sessions (Groups index <paramref name="sessionNames"/>).</param>
    public static TsneStudyResult Run(ValenceModel sourceOnly, ValenceModel mrd, DomainData source, DomainData target,
        IReadOnlyList<string> sessionNames, string directory, TsneStudyOptions options,
        IProgress<string>? stage = null, CancellationToken cancellationToken = default)
    {
        if (target.Labels is null || target.Groups is null)
            throw new ArgumentException("The t-SNE study needs the target's valence labels and sessions.");
        if (source.Labels is null) throw new ArgumentException("The t-SNE study needs the source's valence labels.");
        Directory.CreateDirectory(directory);
        var tsne = options.Tsne ?? new TsneOptions();
        var rng = new Random(options.Seed);
        var labelled = Enumerable.Range(0, target.Count).Where(i => float.IsFinite(target.Labels[i])).ToArray();

        stage?.Report("predicting the target with both models");
        var soPrediction = sourceOnly.Predict(target.Features);
        var mrdPrediction = mrd.Predict(target.Features);
        var errors = new List<SessionError>();
        for (int s = 0; s < sessionNames.Count; s++)
        {
            var rows = labelled.Where(i => target.Groups[i] == s).ToArray();
            if (rows.Length == 0) continue;
            errors.Add(new SessionError(sessionNames[s], rows.Length,
                rows.Average(i => Math.Abs(soPrediction.Prediction[i] - (double)target.Labels[i])),
                rows.Average(i => Math.Abs(mrdPrediction.Prediction[i] - (double)target.Labels[i]))));
        }
        if (errors.Count == 0) throw new ArgumentException("No target session has labelled utterances.");
        var ranked = errors.OrderByDescending(e => e.SourceOnlyMae).ToList();
        var shown = PickSessions(ranked, options.Sessions);

        var sourceLabelled = Enumerable.Range(0, source.Count).Where(i => float.IsFinite(source.Labels[i])).ToArray();
        var targetHigh = Split(target.Labels, labelled, options.SplitAt);
        var sourceHigh = Split(source.Labels, sourceLabelled, options.SplitAt);

        var panels = new List<TsnePanel>();
        foreach (var session in shown)
        {
            int s = sessionNames.ToList().IndexOf(session.Session);
            var targetRows = Sample(labelled.Where(i => target.Groups[i] == s).ToArray(), options.MaxTargetPoints, rng);
            var sourceRows = Sample(sourceLabelled, targetRows.Length, rng);
            string which = session == ranked[0] ? "largest" : session == ranked[^1] ? "smallest" : "";
            foreach (var (model, name) in new[] { (sourceOnly, "Source-only"), (mrd, "MRD") })
            {
                cancellationToken.ThrowIfCancellationRequested();
                stage?.Report($"t-SNE of {name}, target session {session.Session} ({targetRows.Length} + {sourceRows.Length} utterances)");
                var encodedTarget = model.Encode(Rows(target.Features, targetRows));
                var encodedSource = model.Encode(Rows(source.Features, sourceRows));
                var stacked = Stack(encodedSource, encodedTarget);
                var panelTsne = tsne;
                if (stacked.Rows - 1 <= 3 * tsne.Perplexity)
                {
                    // A small session: t-SNE needs perplexity < (n - 1) / 3 for its 3 * perplexity neighbours.
                    panelTsne = tsne with { Perplexity = Math.Max(1.0, (stacked.Rows - 1) / 3.0 - 1e-6) };
                    stage?.Report(string.Create(Inv, $"  only {stacked.Rows} points: perplexity lowered from {tsne.Perplexity:G4} to {panelTsne.Perplexity:F1} for this panel"));
                }
                var points = Tsne.Embed(stacked, panelTsne, options.Seed, null, cancellationToken);
                var group = sourceRows.Select(i => sourceHigh[i]).Concat(targetRows.Select(i => targetHigh[i])).ToArray();
                var isSource = sourceRows.Select(_ => true).Concat(targetRows.Select(_ => false)).ToArray();
                double mae = name == "MRD" ? session.MrdMae : session.SourceOnlyMae;
                string title = string.Create(Inv, $"{name}, target session {session.Session}{(which.Length > 0 ? $" ({which} error)" : "")}: MAE {mae:F2}");
                panels.Add(new TsnePanel(title, points, group, isSource));
            }
        }
        stage?.Report("drawing the figure");
        var figure = new TsneFigure(panels, 2, TsneFigure.ValenceGroups).Save(Path.Combine(directory, FigureName));

        stage?.Report("distortion numbers");
        var allTarget = Sample(labelled, Math.Max(options.MaxTargetPoints * 4, 2000), rng).Order().ToArray();
        var reference = Sample(sourceLabelled, Math.Max(options.MaxTargetPoints * 4, 2000), rng);
        var targetGroups = allTarget.Select(i => targetHigh[i]).ToArray();
        var truth = allTarget.Select(i => target.Labels[i]).ToArray();
        var distortion = new List<(string, IReadOnlyList<DistortionGroup>)>();
        foreach (var (model, prediction, name) in new[] { (sourceOnly, soPrediction, "source-only"), (mrd, mrdPrediction, "mrd") })
        {
            var encodedTarget = model.Encode(Rows(target.Features, allTarget));
            var encodedSource = model.Encode(Rows(source.Features, reference));
            var f1 = allTarget.Select(i => prediction.Heads[0][i]).ToArray();
            var f2 = prediction.Heads.Length > 1 ? allTarget.Select(i => prediction.Heads[1][i]).ToArray() : [];
            distortion.Add((name, DistortionAnalysis.Compute(encodedSource, encodedTarget, targetGroups, TsneFigure.ValenceGroups,
                f1, f2, truth, options.Neighbours)));
        }
        var distortionPath = Path.Combine(directory, DistortionName);
        DistortionAnalysis.WriteCsv(distortionPath, distortion);

        var sessionsPath = Path.Combine(directory, SessionsName);
        var csv = new StringBuilder("session,utterances,source_only_mae,mrd_mae,shown\n");
        foreach (var e in ranked)
            csv.Append(Inv, $"{e.Session},{e.Utterances},{e.SourceOnlyMae:R},{e.MrdMae:R},{(shown.Contains(e) ? "true" : "false")}\n");
        AtomicFile.WriteAllText(sessionsPath, csv.ToString());
        return new TsneStudyResult(figure, distortionPath, sessionsPath, ranked, shown.Select(e => e.Session).ToList(), distortion);
    }

    /// <summary>The sessions of largest and smallest error first, then evenly spaced ones between, in error order.</summary>
    private static List<SessionError> PickSessions(List<SessionError> ranked, int count)
    {
        count = Math.Clamp(count, 1, ranked.Count);
        if (count == 1) return [ranked[0]];
        var picks = Enumerable.Range(0, count).Select(k => (int)Math.Round(k * (ranked.Count - 1) / (double)(count - 1))).Distinct();
        return picks.Select(i => ranked[i]).ToList();
    }

    private static int[] Sample(int[] rows, int max, Random rng)
    {
        if (rows.Length <= max) return rows;
        var copy = (int[])rows.Clone();
        rng.Shuffle(copy);
        return copy[..max].Order().ToArray();
    }

    /// <summary>1 (high) or 0 (low valence) for each row of <paramref name="rows"/>, by row number; split at the median of those rows or at <paramref name="at"/>.</summary>
    private static Dictionary<int, int> Split(float[] labels, int[] rows, double? at)
    {
        var values = rows.Select(i => labels[i]).ToArray();
        var groups = at is { } threshold ? ValenceSplit.AtThreshold(values, threshold) : ValenceSplit.AtMedian(values);
        return rows.Select((row, k) => (row, k)).ToDictionary(p => p.row, p => groups[p.k]);
    }

    private static Matrix Rows(Matrix m, int[] rows)
    {
        var result = new Matrix(rows.Length, m.Cols);
        for (int i = 0; i < rows.Length; i++) m.Row(rows[i]).CopyTo(result.Row(i));
        return result;
    }

    private static Matrix Stack(Matrix top, Matrix bottom)
    {
        var result = new Matrix(top.Rows + bottom.Rows, top.Cols);
        top.Span.CopyTo(result.Span);
        bottom.Span.CopyTo(result.Span[top.Length..]);
        return result;
    }
}
