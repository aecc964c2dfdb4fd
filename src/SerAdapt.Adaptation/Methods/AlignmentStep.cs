using System.Numerics.Tensors;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// One batch of a method whose loss is MSE(R(E(x_s)), y_s) + lambda D(E(x_s), E(x_t)) for a distance D
/// between the source and target encodings (Deep CORAL's CORAL, DAN's MK-MMD^2, RSD, DARE-GRAM): accumulates its
/// gradients into E and R. D couples the two encoder passes, so the source pass is replayed
/// (bit-identically, see <see cref="ForwardReplay"/>) before its backward.
/// </summary>
internal sealed class AlignmentStep(Sequential encoder, Sequential regressor, Loss distance, float lambda)
{
    private readonly MseLoss _mse = new();
    private readonly ForwardReplay _replay = new(encoder);
    private Matrix? _sourceFeatures, _sourceGrad;

    /// <summary>
    /// The whole batch step of such a method on E and its one regressor: one Adam over both, zero the
    /// gradients, accumulate MSE + lambda D, step; reports the losses as "mse" and <paramref name="distanceName"/>.
    /// </summary>
    public static BatchStep Create(TrainingSetup setup, Loss distance, float lambda, string distanceName)
    {
        var encoder = setup.Encoder;
        var regressor = setup.Head();
        var adam = new Adam(encoder.Parameters().Concat(regressor.Parameters()), setup.Training.LearningRate);
        var step = new AlignmentStep(encoder, regressor, distance, lambda);
        var losses = new Dictionary<string, double>();
        return (batch, _) =>
        {
            adam.ZeroGrad();
            var (regression, alignment) = step.AccumulateGradients(batch.SourceX, batch.SourceY, batch.Target);
            adam.Step();
            losses["mse"] = regression;
            losses[distanceName] = alignment;
            return losses;
        };
    }

    public (float Mse, float Distance) AccumulateGradients(Matrix sourceX, Matrix sourceY, Matrix targetX)
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

        // Target pass: h_t = E(x_t); D(h_s, h_t) and its gradient to E through the target.
        var ht = encoder.Forward(targetX);
        float alignment = distance.Forward(hsCopy, ht);
        distance.Backward(lambda);
        encoder.BackwardWithoutInputGradient(distance.GradB);

        // Source again (replayed): MSE + lambda D gradients to E through the source.
        _replay.Replay(sourceX);
        TensorPrimitives.Add(dhs.Span, distance.GradA.Span, dhs.Span);
        encoder.BackwardWithoutInputGradient(dhs);
        return (regression, alignment);
    }
}
