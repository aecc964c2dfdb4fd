using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Source-only baseline of the MRD paper (Interspeech 2019, Table 1): encoder E and one regressor R
/// trained on the labelled source with the MSE, min_{E,R} E_s[(R(E(x_s)) - y_s)^2], then applied to
/// the target unchanged. Target labels are never used (except by <see cref="ModelSelection.Oracle"/>).
/// </summary>
public sealed class SourceOnly(SourceOnlyOptions options) : IAdaptationMethod
{
    public SourceOnly() : this(new SourceOnlyOptions()) { }

    public string Name => "source-only";

    public SourceOnlyOptions Options { get; } = options;

    public FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        TrainingLoop.CheckDomains(source, target);
        var model = FitCore(Name, Options, source, target, options, new Rng((ulong)options.Seed), progress, cancellationToken, out int epochs);
        return new FitResult(model, model.Predict(target.Features).Prediction, epochs, options.Selection == ModelSelection.Oracle);
    }

    /// <summary>Trains E + R on <paramref name="source"/>'s labels (shared with <see cref="TrainOnTarget"/>).</summary>
    internal static ValenceModel FitCore(string method, SourceOnlyOptions regressor, DomainData source, DomainData target,
        TrainingOptions options, Rng root, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, out int epochs)
    {
        options.Validate();
        regressor.Validate();
        var architecture = new NetworkArchitecture(source.Dimension, options.Width, options.EncoderLayers,
            [new HeadShape("regressor", regressor.RegressorLayers)], options.Dropout);
        var model = ValenceModel.Create(method, architecture, root);
        var encoder = model.EncoderNetwork;
        var head = model.HeadNetworks[0];
        var adam = new Adam(encoder.Parameters().Concat(head.Parameters()), options.LearningRate);
        var mse = new MseLoss();
        // Recorded before training so that a model kept after an interruption or divergence has it too.
        model.SetInfo("options", TrainingLoop.OptionsJson(options, regressor));
        var losses = new Dictionary<string, double>(); // reused: no allocation per step
        var loop = new TrainingLoop
        {
            Method = method,
            Options = options,
            Model = model,
            UsesTarget = false,
            Step = (batch, _) =>
            {
                // min_{E,R} MSE(R(E(x_s)), y_s)
                adam.ZeroGrad();
                var y = head.Forward(encoder.Forward(batch.SourceX));
                float loss = mse.Forward(y, batch.SourceY);
                mse.Backward();
                encoder.BackwardWithoutInputGradient(head.Backward(mse.GradA));
                adam.Step();
                losses["mse"] = loss;
                return losses;
            },
        };
        epochs = loop.Run(source, target, root, progress, cancellationToken).EpochsTrained;
        return model;
    }
}
