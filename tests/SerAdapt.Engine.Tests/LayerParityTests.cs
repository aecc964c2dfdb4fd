using Xunit.Abstractions;

namespace SerAdapt.Engine.Tests;

/// <summary>Forward outputs and all gradients of every layer against PyTorch 1.13 (Golden/layers.safetensors).</summary>
public class LayerParityTests(ITestOutputHelper output)
{
    private readonly Golden _golden = Golden.Load("layers.safetensors");

    [Fact]
    public void Linear_MatchesPyTorch()
    {
        var linear = new Linear(5, 3, new Rng(0));
        _golden.File["linear.weight"].Values.CopyTo(linear.Weight.Value.Span);
        _golden.File["linear.bias"].Values.CopyTo(linear.Bias!.Value.Span);
        _golden.AssertClose("linear.y", linear.Forward(_golden.Matrix("linear.x")));
        _golden.AssertClose("linear.dx", linear.Backward(_golden.Matrix("linear.dy")));
        _golden.AssertClose("linear.dweight", linear.Weight.Grad);
        _golden.AssertClose("linear.dbias", linear.Bias.Grad);
        output.WriteLine(_golden.Summary);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    public void BatchNorm1d_MatchesPyTorch(string mode)
    {
        string p = $"bn_{mode}.";
        var bn = new BatchNorm1d(4);
        bn.LoadStateDict(new Dictionary<string, TensorData>
        {
            ["weight"] = _golden.File[p + "weight"],
            ["bias"] = _golden.File[p + "bias"],
            ["running_mean"] = _golden.File[p + "running_mean_before"],
            ["running_var"] = _golden.File[p + "running_var_before"],
        });
        bn.SetTraining(mode == "train");
        _golden.AssertClose(p + "y", bn.Forward(_golden.Matrix(p + "x")));
        _golden.AssertClose(p + "dx", bn.Backward(_golden.Matrix(p + "dy")));
        _golden.AssertClose(p + "dweight", bn.Weight.Grad);
        _golden.AssertClose(p + "dbias", bn.Bias.Grad);
        _golden.AssertClose(p + "running_mean_after", bn.RunningMean.Value);
        _golden.AssertClose(p + "running_var_after", bn.RunningVar.Value);
        output.WriteLine(_golden.Summary);
    }

    [Fact]
    public void Selu_MatchesPyTorch_IncludingAtZero()
    {
        var selu = new Selu();
        _golden.AssertClose("selu.y", selu.Forward(_golden.Matrix("selu.x")));
        _golden.AssertClose("selu.dx", selu.Backward(_golden.Matrix("selu.dy")));
        output.WriteLine(_golden.Summary);
    }

    [Fact]
    public void Dropout_WithPyTorchMask_MatchesPyTorch()
    {
        var dropout = new Dropout(new Rng(0), 0.5f);
        dropout.SetMask(_golden.Matrix("dropout.mask"));
        _golden.AssertClose("dropout.y", dropout.Forward(_golden.Matrix("dropout.x")));
        _golden.AssertClose("dropout.dx", dropout.Backward(_golden.Matrix("dropout.dy")));
        output.WriteLine(_golden.Summary);
    }

    [Fact]
    public void GradientReversal_MatchesPyTorch()
    {
        var grl = new GradientReversal(_golden.Scalar("grl.lambda"));
        _golden.AssertClose("grl.y", grl.Forward(_golden.Matrix("grl.x")));
        _golden.AssertClose("grl.dx", grl.Backward(_golden.Matrix("grl.dy")));
        output.WriteLine(_golden.Summary);
    }
}
