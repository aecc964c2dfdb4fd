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
public sealed class Dann(DannOptions options) : AdaptationMethod<DannOptions>(options)
{
    public Dann() : this(new DannOptions()) { }

    public override string Name => "dann";

    /// <summary>Ganin &amp; Lempitsky's schedule: lambda(p) = 2 / (1 + exp(-10 p)) - 1.</summary>
    public static float Lambda(double progress) => (float)(2.0 / (1.0 + Math.Exp(-10.0 * progress)) - 1.0);

    protected override IReadOnlyList<HeadShape> Heads => [new HeadShape("regressor", Options.RegressorLayers)];

    protected override BatchStep CreateStep(TrainingSetup setup)
    {
        var t = setup.Training;
        var encoder = setup.Encoder;
        var regressor = setup.Head();
        var discriminator = setup.Train(Networks.Discriminator(t.Width, Options.DiscriminatorWidth, Options.DiscriminatorLayers,
            t.Dropout, setup.Root.Child("init"), setup.Root.Child("dropout")));
        var adam = new Adam(encoder.Parameters().Concat(regressor.Parameters()).Concat(discriminator.Parameters()), t.LearningRate);
        var step = new DannStep(encoder, regressor, discriminator);
        var losses = new Dictionary<string, double>();
        return (batch, p) =>
        {
            float lambda = Lambda(p);
            adam.ZeroGrad();
            var (regression, domain) = step.AccumulateGradients(batch.SourceX, batch.SourceY, batch.Target, lambda);
            adam.Step();
            losses["mse"] = regression;
            losses["domain"] = domain;
            losses["lambda"] = lambda;
            return losses;
        };
    }
}

/// <summary>
/// One DANN batch: accumulates into E and R the gradient of MSE(R(E(x_s)), y_s), into D the gradient
/// of the domain loss L_d = BCE(D(E(x_s)), 0) / 2 + BCE(D(E(x_t)), 1) / 2, and into E -lambda times
/// the gradient of L_d (the reversal layer at the head of D). Source and target are separate passes.
/// </summary>
internal sealed class DannStep(Sequential encoder, Sequential regressor, Sequential discriminator)
{
    private readonly MseLoss _mse = new();
    private readonly BceWithLogitsLoss _bce = new();
    private readonly GradientReversal _reversal = discriminator[0] as GradientReversal
        ?? throw new ArgumentException("The discriminator must start with a gradient reversal layer.");
    private Matrix? _encoderGrad, _zeros, _ones;

    public (float Mse, float Domain) AccumulateGradients(Matrix sourceX, Matrix sourceY, Matrix targetX, float lambda)
    {
        _reversal.Lambda = lambda;

        // Source: regression loss and domain loss (label 0) share E's forward pass.
        var hs = encoder.Forward(sourceX);
        float regression = _mse.Forward(regressor.Forward(hs), sourceY);
        _mse.Backward();
        var dh = MatrixCache.Ensure(ref _encoderGrad, hs.Rows, hs.Cols);
        regressor.Backward(_mse.GradA).Span.CopyTo(dh.Span);
        float domainSource = _bce.Forward(discriminator.Forward(hs), Scratch.Filled(ref _zeros, hs.Rows, 0f));
        _bce.Backward(0.5f);
        System.Numerics.Tensors.TensorPrimitives.Add(dh.Span, discriminator.Backward(_bce.GradA).Span, dh.Span);
        encoder.BackwardWithoutInputGradient(dh);

        // Target: domain loss only (label 1), its own forward pass.
        var ht = encoder.Forward(targetX);
        float domainTarget = _bce.Forward(discriminator.Forward(ht), Scratch.Filled(ref _ones, ht.Rows, 1f));
        _bce.Backward(0.5f);
        encoder.BackwardWithoutInputGradient(discriminator.Backward(_bce.GradA));
        return (regression, 0.5f * (domainSource + domainTarget));
    }
}
