using System.Globalization;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Train-on-Target, the upper bound of the MRD paper (Interspeech 2019, Table 1): the Source-only
/// network E + R trained on the TARGET's own labels with speaker-independent cross-validation,
/// leave-one-group-out over target.Groups (sessions); the held-out predictions of all folds are pooled
/// into <see cref="FitResult.TargetPredictions"/>. The returned model is trained afterwards on every
/// labelled target row for a fixed number of epochs, the mean of the folds' selected epochs.
/// The source is not used.
/// </summary>
public sealed class TrainOnTarget(SourceOnlyOptions options) : AdaptationMethod<SourceOnlyOptions>(options)
{
    public TrainOnTarget() : this(new SourceOnlyOptions()) { }

    public override string Name => "train-on-target";

    protected override IReadOnlyList<HeadShape> Heads => SourceOnly.RegressorHead(Options);

    protected override bool UsesTarget => false;

    protected override BatchStep CreateStep(TrainingSetup setup) => SourceOnly.Step(setup);

    public override FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        Settings.Validate(Options);
        target.Validate("target");
        if (target.Labels is null)
            throw new ArgumentException("Train-on-target needs target labels, and the target has none.");
        if (target.Groups is null)
            throw new ArgumentException("Train-on-target needs target groups (sessions or speakers) for leave-one-group-out cross-validation, and the target has none.");
        var groups = target.Groups.Distinct().Order().ToArray();
        if (groups.Length < 2)
            throw new ArgumentException($"Train-on-target needs at least 2 target groups for leave-one-group-out cross-validation, got {groups.Length}.");

        try
        {
            return CrossValidate(target, groups, options, progress, cancellationToken);
        }
        // A fold's model is not a Train-on-Target model: nothing is kept.
        catch (TrainingInterruptedException ex) when (ex.BestModel is not null)
        {
            throw new TrainingInterruptedException(Name, ex.Epoch, ex.Step, null, 0);
        }
        catch (TrainingDivergedException ex) when (ex.BestModel is not null)
        {
            throw new TrainingDivergedException(Name, ex.Epoch, ex.Step, ex.Detail, null, 0, ex);
        }
    }

    private FitResult CrossValidate(DomainData target, int[] groups, TrainingOptions options,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var targetGroups = target.Groups!;
        var root = new Rng((ulong)options.Seed);
        var pooled = new float[target.Count];
        var selectedEpochs = new List<int>();
        int rounds = groups.Length + 1;
        for (int f = 0; f < groups.Length; f++)
        {
            int group = groups[f];
            var heldOut = Enumerable.Range(0, target.Count).Where(i => targetGroups[i] == group).ToArray();
            var training = Enumerable.Range(0, target.Count).Where(i => targetGroups[i] != group).ToArray();
            var heldOutData = target.Subset(heldOut);
            var model = Train(Name, target.Subset(training), heldOutData, options,
                root.Child("fold." + group.ToString(CultureInfo.InvariantCulture)), Offset(progress, f, rounds, options.Epochs), cancellationToken, out _);
            selectedEpochs.Add(int.Parse(model.Info["best_epoch"], CultureInfo.InvariantCulture));
            var predicted = model.Predict(heldOutData.Features).Prediction;
            for (int i = 0; i < heldOut.Length; i++) pooled[heldOut[i]] = predicted[i];
        }

        int finalEpochs = Math.Max(1, (int)Math.Round(selectedEpochs.Average()));
        var finalOptions = options with { Epochs = finalEpochs, Selection = ModelSelection.FixedEpochs };
        var final = Train(Name, target, target, finalOptions, root.Child("final"),
            Offset(progress, groups.Length, rounds, options.Epochs), cancellationToken, out int epochs);
        final.SetInfo("selection", TrainingLoop.SelectionName(options.Selection));
        final.SetInfo("oracle", options.Selection == ModelSelection.Oracle ? "true" : "false");
        final.SetInfo("cross_validation", $"leave-one-group-out over {groups.Length} groups; fold epochs {string.Join(" ", selectedEpochs)}; final model trained on all target rows for {finalEpochs} epochs");
        return new FitResult(final, pooled, epochs, options.Selection == ModelSelection.Oracle);
    }

    // Folds report as one long run: round r of n covers epochs r*E+1 .. (r+1)*E of n*E; the last round is the final model.
    private static IProgress<TrainingProgress>? Offset(IProgress<TrainingProgress>? progress, int round, int rounds, int epochs) =>
        progress is null ? null : new Progress(p => progress.Report(p with
        {
            Epoch = round * epochs + p.Epoch,
            Epochs = rounds * epochs,
            Fold = new FoldProgress(round == rounds - 1 ? 0 : round + 1, rounds - 1, p.Epoch, p.Epochs),
        }));

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
