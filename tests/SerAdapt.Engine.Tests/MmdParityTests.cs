using Xunit.Abstractions;

namespace SerAdapt.Engine.Tests;

/// <summary>MmdLoss's value and both gradients against PyTorch 1.13 in float64 (Golden/mmd.safetensors).</summary>
public class MmdParityTests(ITestOutputHelper output)
{
    [Fact]
    public void MmdLoss_MatchesPyTorch()
    {
        var golden = Golden.Load("mmd.safetensors");
        var loss = new MmdLoss();
        golden.AssertClose("mmd.loss", loss.Forward(golden.Matrix("mmd.a"), golden.Matrix("mmd.b")));
        loss.Backward();
        golden.AssertClose("mmd.da", loss.GradA);
        golden.AssertClose("mmd.db", loss.GradB);
        output.WriteLine(golden.Summary);
    }
}
