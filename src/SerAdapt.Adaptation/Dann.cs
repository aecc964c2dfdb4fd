using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Domain-Adversarial Neural Network (Ganin &amp; Lempitsky, "Unsupervised Domain Adaptation by
/// Backpropagation", ICML 2015, Eq. 9-10 and Section 3.2): encoder E, regressor R and a domain
/// discriminator D behind a gradient reversal layer,
/// min_{E,R} max_D  MSE(R(E(x_s)), y_s) - lambda L_d,  L_d = BCE(D(E(x_s)), 0) / 2 + BCE(D(E(x_t)), 1) / 2,
/// solved as one minimisation of MSE + L_d in which the reversal layer multiplies the gradient
/// reaching E by -lambda. lambda follows the paper's schedule 2 / (1 + exp(-10 p)) - 1 over the
/// training progress p in [0, 1) (over all planned epochs). The learning rate stays constant (the
/// paper's annealing is not used, as for the other methods). Source and target go through the
/// network in separate forward passes; one Adam updates E, R and D.
/// </summary>
public sealed class Dann(DannOptions options) : IAdaptationMethod
{
    public Dann() : this(new DannOptions()) { }

    public string Name => "dann";

    public DannOptions Options { get; } = options;

    /// <summary>Ganin &amp; Lempitsky's schedule: lambda(p) = 2 / (1 + exp(-10 p)) - 1.</summary>
    public static float Lambda(double progress) => (float)(2.0 / (1.0 + Math.Exp(-10.0 * progress)) - 1.0);

    public FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        Options.Validate();
        TrainingLoop.CheckDomains(source, target);
        var root = new Rng((ulong)options.Seed);
        var architecture = new NetworkArchitecture(source.Dimension, options.Width, options.EncoderLayers,
            [new HeadShape("regressor", Options.RegressorLayers)], options.Dropout);
        var model = ValenceModel.Create(Name, architecture, root);
        var encoder = model.EncoderNetwork;
        var regressor = model.HeadNetworks[0];
        var discriminator = Networks.Discriminator(options.Width, Options.DiscriminatorWidth, Options.DiscriminatorLayers,
            options.Dropout, root.Child("init"), root.Child("dropout"));
        var reversal = (GradientReversal)discriminator[0];
        var adam = new Adam(encoder.Parameters().Concat(regressor.Parameters()).Concat(discriminator.Parameters()), options.LearningRate);
        var mse = new MseLoss();
        var bce = new BceWithLogitsLoss();
        Matrix? dh = null, zeros = null, ones = null;

        var loop = new TrainingLoop
        {
            Method = Name,
            Options = options,
            Model = model,
            ExtraModules = [discriminator],
            Step = (batch, p) =>
            {
                reversal.Lambda = Lambda(p);
                adam.ZeroGrad();

                // Source: regression loss and domain loss (label 0) share E's forward pass.
                var hs = encoder.Forward(batch.SourceX);
                float regression = mse.Forward(regressor.Forward(hs), batch.SourceY);
                mse.Backward();
                var dhs = Scratch.Ensure(ref dh, hs.Rows, hs.Cols);
                regressor.Backward(mse.GradA).Span.CopyTo(dhs.Span);
                float domainSource = bce.Forward(discriminator.Forward(hs), Scratch.Filled(ref zeros, hs.Rows, 0f));
                bce.Backward(0.5f);
                System.Numerics.Tensors.TensorPrimitives.Add(dhs.Span, discriminator.Backward(bce.GradA).Span, dhs.Span);
                encoder.BackwardWithoutInputGradient(dhs);

                // Target: domain loss only (label 1), its own forward pass.
                var ht = encoder.Forward(batch.TargetX!);
                float domainTarget = bce.Forward(discriminator.Forward(ht), Scratch.Filled(ref ones, ht.Rows, 1f));
                bce.Backward(0.5f);
                encoder.BackwardWithoutInputGradient(discriminator.Backward(bce.GradA));

                adam.Step();
                return new Dictionary<string, double>
                {
                    ["mse"] = regression,
                    ["domain"] = 0.5 * (domainSource + domainTarget),
                    ["lambda"] = reversal.Lambda,
                };
            },
        };
        int epochs = loop.Run(source, target, root, progress, cancellationToken).EpochsTrained;
        model.SetInfo("options", TrainingLoop.OptionsJson(options, Options));
        return new FitResult(model, model.Predict(target.Features).Prediction, epochs, options.Selection == ModelSelection.Oracle);
    }
}
