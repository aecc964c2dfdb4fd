using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Adversarial Discriminative Domain Adaptation (Tzeng, Hoffman, Saenko, Darrell, CVPR 2017, Eq. 7-9) for
/// regression. Pre-training (the first <see cref="AddaOptions.PretrainFraction"/> of the steps): min_{E_s,R}
/// MSE(R(E_s(x_s)), y_s). Then E_s is copied into a frozen network and the model's own encoder becomes
/// E_t, initialised from E_s (untied weights); per batch:
/// discriminator step  min_D  BCE(D(E_s(x_s)), 1) / 2 + BCE(D(E_t(x_t)), 0) / 2;
/// target-encoder step min_{E_t} BCE(D(E_t(x_t)), 1) (the GAN loss with inverted labels, Eq. 9).
/// R stays fixed. The saved model is E_t + R, so prediction is R(E_t(x)). Model selection on the source's
/// validation MSE measures R(E_t(x_s)), which adaptation does not aim to keep low: use fixed epochs.
/// </summary>
public sealed class Adda(AddaOptions options) : AdaptationMethod<AddaOptions>(options)
{
    public Adda() : this(new AddaOptions()) { }

    public override string Name => "adda";

    protected override IReadOnlyList<HeadShape> Heads => [new HeadShape("regressor", Options.RegressorLayers)];

    protected override BatchStep CreateStep(TrainingSetup setup)
    {
        var t = setup.Training;
        var a = setup.Model.Architecture;
        var encoder = setup.Encoder;
        var regressor = setup.Head();
        var rng = setup.Root.Child("adda");
        var sourceEncoder = setup.Train(Networks.Encoder(a.Inputs, a.Width, a.EncoderLayers, a.Dropout, rng.Child("init"), rng.Child("dropout")));
        var discriminator = setup.Train(Networks.Discriminator(a.Width, Options.DiscriminatorWidth, Options.DiscriminatorLayers,
            a.Dropout, rng.Child("init"), rng.Child("dropout")));
        ((GradientReversal)discriminator[0]).Lambda = -1f;  // identity: E_t's step needs dL/dh unreversed
        var pretrain = SourceOnly.Step(setup);
        var adamD = new Adam(discriminator.Parameters(), t.LearningRate);
        var adamT = new Adam(encoder.Parameters(), t.LearningRate);
        var bce = new BceWithLogitsLoss();
        Matrix? zeros = null, ones = null;
        bool adapting = false;
        var losses = new Dictionary<string, double>();
        return (batch, p) =>
        {
            if (p < Options.PretrainFraction)
                return pretrain(batch, p);
            if (!adapting)
            {
                // E_t starts from E_s: copy the pre-trained encoder into the frozen source encoder.
                sourceEncoder.LoadStateDict(encoder.StateDict());
                adapting = true;
            }
            // Discriminator step: source encodings are labelled 1, target encodings 0.
            adamD.ZeroGrad();
            var hs = sourceEncoder.Forward(batch.SourceX);
            float dSource = bce.Forward(discriminator.Forward(hs), Scratch.Filled(ref ones, hs.Rows, 1f));
            bce.Backward(0.5f);
            discriminator.BackwardWithoutInputGradient(bce.GradA);
            var ht = encoder.Forward(batch.Target);
            float dTarget = bce.Forward(discriminator.Forward(ht), Scratch.Filled(ref zeros, ht.Rows, 0f));
            bce.Backward(0.5f);
            discriminator.BackwardWithoutInputGradient(bce.GradA);
            adamD.Step();

            // Target-encoder step: E_t makes D call its encodings "source" (inverted labels); D and R fixed.
            adamT.ZeroGrad();
            ht = encoder.Forward(batch.Target);
            float confusion = bce.Forward(discriminator.Forward(ht), Scratch.Filled(ref ones, ht.Rows, 1f));
            bce.Backward();
            encoder.BackwardWithoutInputGradient(discriminator.Backward(bce.GradA));
            adamT.Step();
            losses["discriminator"] = (dSource + dTarget) / 2;
            losses["confusion"] = confusion;
            return losses;
        };
    }
}
