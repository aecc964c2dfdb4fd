using SerAdapt.Adaptation;
using SerAdapt.Engine;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// A toy method declared in the test project alone: Source-only with the encoder E frozen at its
/// initialisation, min_R MSE(R(E(x_s)), y_s). It shows what adding a method takes: this file and one
/// registry entry (<see cref="Entry"/>).
/// </summary>
internal sealed class FrozenEncoder(FrozenEncoderOptions options) : AdaptationMethod<FrozenEncoderOptions>(options)
{
    public static readonly MethodEntry Entry = MethodEntry.Of<FrozenEncoderOptions>(
        "Frozen-encoder", "Source-only with E frozen at its initialisation (a toy)", inPaper: false, o => new FrozenEncoder(o));

    public override string Name => "frozen-encoder";

    protected override IReadOnlyList<HeadShape> Heads => [new HeadShape("regressor", Options.HeadLayers)];

    protected override bool UsesTarget => false;

    protected override BatchStep CreateStep(TrainingSetup setup)
    {
        var encoder = setup.Encoder;
        var head = setup.Head();
        var adam = new Adam(head.Parameters(), setup.Training.LearningRate);
        var mse = new MseLoss();
        var losses = new Dictionary<string, double>();
        return (batch, _) =>
        {
            adam.ZeroGrad();
            float loss = mse.Forward(head.Forward(encoder.Forward(batch.SourceX)), batch.SourceY);
            mse.Backward();
            head.BackwardWithoutInputGradient(mse.GradA);
            adam.Step();
            losses["mse"] = loss;
            return losses;
        };
    }
}

internal sealed record FrozenEncoderOptions(
    [property: Setting("frozen-head-layers", "Frozen-encoder: Linear layers of the trained regressor", Min = 1)] int HeadLayers = 2);
