using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Deep Adaptation Network (Long, Cao, Wang, Jordan, "Learning Transferable Features with Deep Adaptation
/// Networks", ICML 2015, Eq. 5) for regression: encoder E and regressor R minimise
/// MSE(R(E(x_s)), y_s) + lambda MK-MMD^2(E(x_s), E(x_t)) (<see cref="MmdLoss"/>). Differences from the
/// paper, stated: the MMD is on the encoder output only (the paper adapts every task-specific layer; here
/// the regressor's last layer is 1-wide), with the quadratic estimator (the paper's is the linear-time
/// unbiased one, chosen for its O(n) cost; at 64 + 64 rows the quadratic one is cheap and less noisy), and
/// fixed equal kernel weights (the paper maximises the MMD over them). Source and target go through E in
/// separate forward passes; one Adam updates E and R.
/// </summary>
public sealed class Dan(DanOptions options) : AdaptationMethod<DanOptions>(options)
{
    public Dan() : this(new DanOptions()) { }

    public override string Name => "dan";

    protected override IReadOnlyList<HeadShape> Heads => [new HeadShape("regressor", Options.RegressorLayers)];

    protected override BatchStep CreateStep(TrainingSetup setup) =>
        AlignmentStep.Create(setup, new MmdLoss(Options.Kernels, Options.KernelMultiplier), Options.Lambda, "mmd");
}
