using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Source-only baseline of the MRD paper (Interspeech 2019, Table 1): encoder E and one regressor R
/// trained on the labelled source with the MSE, min_{E,R} E_s[(R(E(x_s)) - y_s)^2], then applied to
/// the target unchanged. Target labels are never used (except by <see cref="ModelSelection.Oracle"/>).
/// </summary>
public sealed class SourceOnly(SourceOnlyOptions options) : AdaptationMethod<SourceOnlyOptions>(options)
{
    public SourceOnly() : this(new SourceOnlyOptions()) { }

    public override string Name => "source-only";

    protected override IReadOnlyList<HeadShape> Heads => RegressorHead(Options);

    protected override bool UsesTarget => false;

    protected override BatchStep CreateStep(TrainingSetup setup) => Step(setup);

    /// <summary>The single head "regressor" (shared with <see cref="TrainOnTarget"/>).</summary>
    internal static IReadOnlyList<HeadShape> RegressorHead(SourceOnlyOptions options) => [new HeadShape("regressor", options.RegressorLayers)];

    /// <summary>min_{E,R} MSE(R(E(x_s)), y_s) with one Adam over E and R (shared with <see cref="TrainOnTarget"/>).</summary>
    internal static BatchStep Step(TrainingSetup setup)
    {
        var encoder = setup.Encoder;
        var head = setup.Head();
        var adam = new Adam(encoder.Parameters().Concat(head.Parameters()), setup.Training.LearningRate);
        var mse = new MseLoss();
        var losses = new Dictionary<string, double>();
        return (batch, _) =>
        {
            adam.ZeroGrad();
            var y = head.Forward(encoder.Forward(batch.SourceX));
            float loss = mse.Forward(y, batch.SourceY);
            mse.Backward();
            encoder.BackwardWithoutInputGradient(head.Backward(mse.GradA));
            adam.Step();
            losses["mse"] = loss;
            return losses;
        };
    }
}
