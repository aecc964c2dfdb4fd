using Xunit.Abstractions;

namespace SerAdapt.Engine.Tests;

/// <summary>RsdLoss and DareGramLoss: value and both gradients against PyTorch 1.13 in float64 (Golden/subspace.safetensors).</summary>
public class SubspaceParityTests(ITestOutputHelper output)
{
    [Fact]
    public void RsdLoss_MatchesTllibFormInPyTorch()
    {
        var golden = Golden.Load("subspace.safetensors");
        var loss = new RsdLoss(basesWeight: 0.5);
        golden.AssertClose("rsd.loss", loss.Forward(golden.Matrix("rsd.a"), golden.Matrix("rsd.b")));
        loss.Backward();
        golden.AssertClose("rsd.da", loss.GradA);
        golden.AssertClose("rsd.db", loss.GradB);
        output.WriteLine(golden.Summary);
    }

    [Fact]
    public void DareGramLoss_MatchesPyTorch()
    {
        var golden = Golden.Load("subspace.safetensors");
        var loss = new DareGramLoss(angleWeight: 0.5, scaleWeight: 0.01, threshold: 0.9);
        golden.AssertClose("daregram.loss", loss.Forward(golden.Matrix("daregram.a"), golden.Matrix("daregram.b")));
        Assert.Equal(golden.Scalar("daregram.k"), loss.Components);
        loss.Backward();
        golden.AssertClose("daregram.da", loss.GradA);
        golden.AssertClose("daregram.db", loss.GradB);
        output.WriteLine(golden.Summary);
    }
}
