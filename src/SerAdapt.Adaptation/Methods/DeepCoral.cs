using System.Numerics.Tensors;
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

    protected override BatchStep CreateStep(TrainingSetup setup)
    {
        var encoder = setup.Encoder;
        var regressor = setup.Head();
        var adam = new Adam(encoder.Parameters().Concat(regressor.Parameters()), setup.Training.LearningRate);
        var step = new CoralStep(encoder, regressor, Options.Lambda, setup.Training.Threads);
        var losses = new Dictionary<string, double>();
        return (batch, _) =>
        {
            adam.ZeroGrad();
            var (regression, alignment) = step.AccumulateGradients(batch.SourceX, batch.SourceY, batch.Target);
            adam.Step();
            losses["mse"] = regression;
            losses["coral"] = alignment;
            return losses;
        };
    }
}

/// <summary>
/// One Deep CORAL batch: accumulates the gradients of MSE(R(E(x_s)), y_s) + lambda CORAL(E(x_s), E(x_t))
/// into E and R. The CORAL term couples the two encoder passes, so the source pass is replayed
/// (bit-identically, see <see cref="ForwardReplay"/>) before its backward.
/// </summary>
internal sealed class CoralStep(Sequential encoder, Sequential regressor, float lambda, int threads = 0)
{
    private readonly MseLoss _mse = new();
    private readonly CoralLoss _coral = new() { Threads = threads };
    private readonly ForwardReplay _replay = new(encoder);
    private Matrix? _sourceFeatures, _sourceGrad;

    public (float Mse, float Coral) AccumulateGradients(Matrix sourceX, Matrix sourceY, Matrix targetX)
    {
        // Source pass: h_s = E(x_s), the MSE of R(h_s), and dMSE/dh_s.
        var hs = encoder.Forward(sourceX);
        _replay.Capture();
        var hsCopy = MatrixCache.Ensure(ref _sourceFeatures, hs.Rows, hs.Cols);
        hs.Span.CopyTo(hsCopy.Span);
        float regression = _mse.Forward(regressor.Forward(hsCopy), sourceY);
        _mse.Backward();
        var dhs = MatrixCache.Ensure(ref _sourceGrad, hs.Rows, hs.Cols);
        regressor.Backward(_mse.GradA).Span.CopyTo(dhs.Span);

        // Target pass: h_t = E(x_t); CORAL(h_s, h_t) and its gradient to E through the target.
        var ht = encoder.Forward(targetX);
        float alignment = _coral.Forward(hsCopy, ht);
        _coral.Backward(lambda);
        encoder.BackwardWithoutInputGradient(_coral.GradB);

        // Source again (replayed): MSE + lambda CORAL gradients to E through the source.
        _replay.Replay(sourceX);
        TensorPrimitives.Add(dhs.Span, _coral.GradA.Span, dhs.Span);
        encoder.BackwardWithoutInputGradient(dhs);
        return (regression, alignment);
    }
}
