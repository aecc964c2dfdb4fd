using System.Globalization;
using System.Text.Json.Nodes;
using SerAdapt.Engine;
using SerAdapt.Evaluation;

namespace SerAdapt.Adaptation;

/// <summary>What one run of the epoch loop did.</summary>
internal sealed record LoopResult(int EpochsTrained, int BestEpoch, double BestScore);

/// <summary>
/// The epoch loop shared by every method: batches (see <see cref="BatchSampler"/>), one method step
/// per batch, divergence checks, and model selection at the end of each epoch:
/// <list type="bullet">
/// <item>FixedEpochs: the last epoch's weights.</item>
/// <item>SourceValidation, ImportanceWeighted, DeepEmbedded: a seeded part of the source ("split" stream) is
/// held out; the weights of the epoch with the lowest criterion (<see cref="SelectionCriterion"/>) are kept;
/// training stops after Patience epochs without improvement.</item>
/// <item>Oracle: the weights of the epoch with the highest target CCC (uses target labels).</item>
/// </list>
/// Every epoch adds an <see cref="EpochRecord"/> to the model's <see cref="ValenceModel.History"/> (mean losses,
/// the criteria scored, and the target CCC when <see cref="TrainingOptions.MeasureTargetCcc"/> is set), also
/// reported to the progress object when it is an <see cref="IProgress{EpochRecord}"/> too.
/// The kept weights are copied after each improving epoch and restored at the end, or put on the
/// <see cref="TrainingDivergedException"/> when a loss becomes NaN or infinite, or on the
/// <see cref="TrainingInterruptedException"/> when the cancellation token fires (checked before every step).
/// </summary>
internal sealed class TrainingLoop
{
    public required string Method { get; init; }
    public required TrainingOptions Options { get; init; }

    /// <summary>The network that is evaluated, snapshotted and returned.</summary>
    public required ValenceModel Model { get; init; }

    /// <summary>Extra modules trained alongside the model (e.g. DANN's discriminator).</summary>
    public IReadOnlyList<Module> ExtraModules { get; init; } = [];

    /// <summary>Whether steps need target batches.</summary>
    public bool UsesTarget { get; init; } = true;

    /// <summary>One training step on a batch; the argument p is training progress in [0, 1). Returns named losses.</summary>
    public required BatchStep Step { get; init; }

    public LoopResult Run(DomainData source, DomainData target, Rng root,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        Options.Validate();
        // The networks' thread count (0: all cores); their optimizers follow it. Results do not depend on it.
        Model.EncoderNetwork.Threads = Options.Threads;
        foreach (var module in Model.HeadNetworks.Concat(ExtraModules))
            module.Threads = Options.Threads;
        return RunEpochs(source, target, root, progress, cancellationToken);
    }

    private LoopResult RunEpochs(DomainData source, DomainData target, Rng root,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var labelled = LabelledRows(source, "source");
        DomainData train = source.Subset(labelled), validation = train;
        bool holdOut = Options.ScoreEveryCriterion || Options.Selection is ModelSelection.SourceValidation
            or ModelSelection.ImportanceWeighted or ModelSelection.DeepEmbedded;
        if (holdOut)
        {
            var order = root.Child("split").Permutation(labelled.Length);
            int nValidation = Math.Max(1, (int)Math.Round(labelled.Length * Options.ValidationFraction));
            if (labelled.Length - nValidation < 2)
                throw new ArgumentException($"The source has {labelled.Length} labelled rows: too few to hold out {Options.ValidationFraction:P0} for validation and train on the rest.");
            var validationRows = order.Take(nValidation).Select(i => labelled[i]).Order().ToArray();
            var trainRows = order.Skip(nValidation).Select(i => labelled[i]).Order().ToArray();
            validation = source.Subset(validationRows);
            train = source.Subset(trainRows);
        }
        // The label-free criteria see the target's features only.
        var unlabelledTarget = new DomainData(target.Features);
        var selectionRng = root.Child("selection");
        // Each criterion is built once (IWCV fits its domain classifier here): the choosing one is taken from the
        // label-free set when every criterion is scored, and the oracle doubles as the measured target CCC.
        var criteria = Options.ScoreEveryCriterion
            ? SelectionCriterion.LabelFree(validation, target.Features, selectionRng).ToList() : [];
        var criterion = criteria.FirstOrDefault(c => c.Name == SelectionName(Options.Selection))
            ?? SelectionCriterion.For(Options.Selection, validation, Options.Selection == ModelSelection.Oracle ? target : unlabelledTarget, selectionRng);
        if (criterion is not null && !criteria.Contains(criterion)) criteria.Add(criterion);
        var targetCcc = !Options.MeasureTargetCcc || target.LabelledRows().Length < 2 ? null
            : criterion as OracleCriterion ?? new OracleCriterion(target);

        StartAtLabelMean(train.Labels!);
        var sampler = new BatchSampler(train.Features, train.Labels!, UsesTarget ? target.Features : null,
            Options.BatchSize, root.Child("shuffle"), root.Child("shuffle-target"));
        int steps = sampler.StepsPerEpoch;
        long totalSteps = (long)steps * Options.Epochs;
        var history = new List<EpochRecord>();
        Model.History = history;
        var kept = new Kept();
        int epoch;
        for (epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            SetTraining(true);
            sampler.StartEpoch();
            var lossSums = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int step = 0; step < steps; step++)
            {
                if (cancellationToken.IsCancellationRequested)
                    throw new TrainingInterruptedException(Method, epoch, step + 1, KeepBest(epoch, kept, criterion, interrupted: true), kept.Epoch);
                var batch = sampler.Next(step);
                double p = ((epoch - 1) * (long)steps + step) / (double)totalSteps;
                Dictionary<string, double> losses; // concrete type: foreach without a boxed enumerator
                try
                {
                    losses = Step(batch, p);
                }
                catch (NonFiniteLossException ex)
                {
                    throw Diverged(epoch, step + 1, ex.Message, kept, criterion, ex);
                }
                foreach (var (name, value) in losses)
                {
                    if (!double.IsFinite(value))
                        throw Diverged(epoch, step + 1, $"the {name} loss is {value.ToString(CultureInfo.InvariantCulture)}", kept, criterion, null);
                    lossSums[name] = lossSums.GetValueOrDefault(name) + value;
                }
                progress?.Report(new TrainingProgress(epoch, Options.Epochs, step + 1, steps, losses));
            }

            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var c in criteria) scores[c.Name] = c.Score(Model);
            double score = criterion is null ? epoch : scores[criterion.Name];
            if (double.IsNaN(score))
                throw Diverged(epoch, steps, "the model's predictions became NaN", kept, criterion, null);
            var record = new EpochRecord(epoch, lossSums.ToDictionary(kv => kv.Key, kv => kv.Value / steps), scores,
                targetCcc is null ? double.NaN : targetCcc == criterion ? score : targetCcc.Score(Model));
            history.Add(record);
            (progress as IProgress<EpochRecord>)?.Report(record);
            if (kept.Weights is null || criterion is null || criterion.Improves(score, kept.Score))
            {
                kept = new Kept(Model.StateDict(), epoch, score);
            }
            else if (!Options.ScoreEveryCriterion && !criterion.HigherIsBetter && epoch - kept.Epoch >= Options.Patience)
            {
                break;
            }
        }
        int trained = Math.Min(epoch, Options.Epochs);
        Model.LoadStateDict(kept.Weights!);
        SetTraining(false);
        RecordInfo(Model, trained, kept, criterion, interrupted: false);
        return new LoopResult(trained, kept.Epoch, kept.Score);
    }

    /// <summary>The weights of the epoch kept so far (none before the first epoch ends), and its score.</summary>
    private sealed record Kept(Dictionary<string, TensorData>? Weights = null, int Epoch = 0, double Score = double.NaN);

    /// <summary>Checks the per-row arrays of both domains and that their feature dimensions agree.</summary>
    internal static void CheckDomains(DomainData source, DomainData target)
    {
        source.Validate("source");
        target.Validate("target");
        if (source.Dimension != target.Dimension)
            throw new ShapeMismatchException($"The source has {source.Dimension} features per row, the target {target.Dimension}; they must match.");
    }

    /// <summary>
    /// Sets the bias of every head's final Linear to the mean training label. The heads start near 0
    /// while valence lives on a 1-5 scale, and Adam moves a parameter by at most about lr per step, so
    /// without this the first thousands of steps (at lr 1e-4) would be spent shifting the output level.
    /// </summary>
    private void StartAtLabelMean(float[] labels)
    {
        float mean = (float)labels.Average(v => (double)v);
        foreach (var head in Model.HeadNetworks)
            if (head.Modules[^1] is Linear { Bias: { } bias })
                bias.Value.Span.Fill(mean);
    }

    /// <summary>Rows of <paramref name="data"/> with a finite label; throws if it has no labels.</summary>
    internal static int[] LabelledRows(DomainData data, string what)
    {
        if (data.Labels is null)
            throw new ArgumentException($"The {what} has no labels; training needs a labelled {what}.");
        var rows = data.LabelledRows();
        if (rows.Length < 2)
            throw new ArgumentException($"The {what} has {rows.Length} rows with a label; training needs at least 2.");
        return rows;
    }

    /// <summary>JSON of the training settings and the method's own, by their declared names, as stored in model.json.</summary>
    internal static string OptionsJson(TrainingOptions training, object methodOptions) =>
        new JsonObject { ["training"] = Settings.ToJson(training), ["method"] = Settings.ToJson(methodOptions) }.ToJsonString();

    private void RecordInfo(ValenceModel model, int trained, Kept kept, SelectionCriterion? criterion, bool interrupted)
    {
        model.SetInfo("method", Method);
        model.SetInfo("seed", Options.Seed.ToString(CultureInfo.InvariantCulture));
        model.SetInfo("selection", SelectionName(Options.Selection));
        model.SetInfo("oracle", Options.Selection == ModelSelection.Oracle ? "true" : "false");
        model.SetInfo("epochs_trained", trained.ToString(CultureInfo.InvariantCulture));
        model.SetInfo("best_epoch", kept.Epoch.ToString(CultureInfo.InvariantCulture));
        model.SetInfo("interrupted", interrupted ? "true" : "false");
        if (criterion is not null)
            model.SetInfo(criterion.InfoKey, kept.Score.ToString("R", CultureInfo.InvariantCulture));
        if (Options.Selection is ModelSelection.ImportanceWeighted or ModelSelection.DeepEmbedded)
            model.SetInfo("importance_weight_clip", DomainClassifier.WeightClip.ToString("R", CultureInfo.InvariantCulture));
        model.SetInfo("tool_version", ModelFolder.ToolVersion);
    }

    /// <summary>The selection's setting word ("source-val").</summary>
    internal static string SelectionName(ModelSelection selection) =>
        Settings.Of(typeof(TrainingOptions)).First(d => d.Name == "selection").Format(selection);

    private TrainingDivergedException Diverged(int epoch, int step, string detail, Kept kept, SelectionCriterion? criterion, Exception? inner) =>
        new(Method, epoch, step, detail, KeepBest(epoch, kept, criterion, interrupted: false), kept.Epoch, inner);

    /// <summary>The model with the selected epoch's weights, when training stops early in <paramref name="epoch"/>.</summary>
    private ValenceModel? KeepBest(int epoch, Kept kept, SelectionCriterion? criterion, bool interrupted)
    {
        if (kept.Weights is null) return null;
        Model.LoadStateDict(kept.Weights);
        SetTraining(false);
        RecordInfo(Model, epoch - 1, kept, criterion, interrupted);
        return Model;
    }

    private void SetTraining(bool training)
    {
        Model.SetTraining(training);
        foreach (var m in ExtraModules) m.SetTraining(training);
    }
}
