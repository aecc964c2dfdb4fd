using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// The set-up every method shares, written once: check the domains and settings, build the model
/// (encoder E and the method's <see cref="Heads"/>) from the seed, record the settings in the model,
/// and run the epoch loop (<see cref="TrainingLoop"/>: batches, divergence checks, model selection) with
/// the method's per-batch step. A method file then holds only its paper, its networks and its step.
/// </summary>
/// <typeparam name="TOptions">The method's options record, its settings declared with <see cref="SettingAttribute"/>.</typeparam>
public abstract class AdaptationMethod<TOptions>(TOptions options) : IAdaptationMethod where TOptions : class
{
    /// <summary>The registry name ("mrd"), written to model.json.</summary>
    public abstract string Name { get; }

    public TOptions Options { get; } = options;

    /// <summary>The regression heads of the model, by name and depth (e.g. "r1" 4 and "r2" 5 layers).</summary>
    protected abstract IReadOnlyList<HeadShape> Heads { get; }

    /// <summary>Whether the step needs a target batch beside each source batch.</summary>
    protected virtual bool UsesTarget => true;

    /// <summary>
    /// The per-batch step: called once, before training, with the fresh model; it creates the optimisers
    /// and any extra networks (registered with <see cref="TrainingSetup.Train"/>) and returns the step.
    /// </summary>
    protected abstract BatchStep CreateStep(TrainingSetup setup);

    /// <summary>The method's per-batch step on <paramref name="setup"/>'s model, outside the epoch loop (golden tests).</summary>
    internal BatchStep StepFor(TrainingSetup setup) => CreateStep(setup);

    public virtual FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        TrainingLoop.CheckDomains(source, target);
        var model = Train(Name, source, target, options, new Rng((ulong)options.Seed), progress, cancellationToken, out int epochs);
        return new FitResult(model, model.Predict(target.Features).Prediction, epochs, options.Selection == ModelSelection.Oracle);
    }

    /// <summary>Trains a model named <paramref name="method"/> on <paramref name="source"/>'s labels, drawing from <paramref name="root"/>.</summary>
    protected ValenceModel Train(string method, DomainData source, DomainData target, TrainingOptions options, Rng root,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, out int epochs)
    {
        options.Validate();
        Settings.Validate(Options);
        var architecture = new NetworkArchitecture(source.Dimension, options.Width, options.EncoderLayers, Heads, options.Dropout);
        var model = ValenceModel.Create(method, architecture, root);
        var setup = new TrainingSetup(model, options, root);
        var step = CreateStep(setup);
        // Recorded before training so that a model kept after an interruption or divergence has it too.
        model.SetInfo("options", TrainingLoop.OptionsJson(options, Options));
        var loop = new TrainingLoop
        {
            Method = method,
            Options = options,
            Model = model,
            ExtraModules = setup.ExtraModules,
            UsesTarget = UsesTarget,
            Step = step,
        };
        epochs = loop.Run(source, target, root, progress, cancellationToken).EpochsTrained;
        return model;
    }
}
