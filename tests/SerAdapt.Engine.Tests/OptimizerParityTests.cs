using Xunit.Abstractions;

namespace SerAdapt.Engine.Tests;

/// <summary>Three steps of Adam and SGD-momentum (with and without weight decay) against PyTorch 1.13.</summary>
public class OptimizerParityTests(ITestOutputHelper output)
{
    private readonly Golden _golden = Golden.Load("optim.safetensors");

    public static TheoryData<string> Cases() => ["adam", "adam_wd", "sgd", "sgd_wd"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThreeSteps_MatchPyTorch(string name)
    {
        var w = new Parameter("w", 3, 4);
        var b = new Parameter("b", 4);
        _golden.File["p0.w"].Values.CopyTo(w.Value.Span);
        _golden.File["p0.b"].Values.CopyTo(b.Value.Span);
        Optimizer opt = name switch
        {
            "adam" => new Adam([w, b], learningRate: 1e-2),
            "adam_wd" => new Adam([w, b], learningRate: 1e-2, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1),
            "sgd" => new Sgd([w, b], learningRate: 0.1, momentum: 0.9),
            "sgd_wd" => new Sgd([w, b], learningRate: 0.1, momentum: 0.9, weightDecay: 0.05),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        for (int k = 1; k <= 3; k++)
        {
            _golden.File[$"grad{k}.w"].Values.CopyTo(w.Grad.Span);
            _golden.File[$"grad{k}.b"].Values.CopyTo(b.Grad.Span);
            opt.Step();
            _golden.AssertClose($"{name}.step{k}.w", w.Value);
            _golden.AssertClose($"{name}.step{k}.b", b.Value);
        }
        output.WriteLine(_golden.Summary);
    }
}
