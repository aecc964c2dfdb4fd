using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Deep CORAL (Sun &amp; Saenko, "Deep CORAL: Correlation Alignment for Deep Domain Adaptation",
/// ECCV 2016 workshops, Eq. 1 and 5): encoder E and regressor R minimise
/// MSE(R(E(x_s)), y_s) + lambda ||C_s - C_t||_F^2 / (4 d^2), where C_s and C_t are the covariances of
/// the encoder outputs E(x_s) and E(x_t) (d = width). Source and target go through E in separate
/// forward passes; one Adam updates E and R.
/// </summary>
public sealed class DeepCoral(CoralOptions options) : AdaptationMethod<CoralOptions>(options)
{
    public DeepCoral() : this(new CoralOptions()) { }

    public override string Name => "coral";

    protected override IReadOnlyList<HeadShape> Heads => [new HeadShape("regressor", Options.RegressorLayers)];

    protected override BatchStep CreateStep(TrainingSetup setup) =>
        AlignmentStep.Create(setup, new CoralLoss { Threads = setup.Training.Threads }, Options.Lambda, "coral");
}
