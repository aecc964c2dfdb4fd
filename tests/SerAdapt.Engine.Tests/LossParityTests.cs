using Xunit.Abstractions;

namespace SerAdapt.Engine.Tests;

/// <summary>Value and both gradients of every loss against PyTorch 1.13 (Golden/losses.safetensors).</summary>
public class LossParityTests(ITestOutputHelper output)
{
    private readonly Golden _golden = Golden.Load("losses.safetensors");

    public static TheoryData<string> Cases() => ["mse", "l1", "bce", "coral"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_MatchesPyTorch(string name)
    {
        Loss loss = name switch
        {
            "mse" => new MseLoss(),
            "l1" => new L1DiscrepancyLoss(),
            "bce" => new BceWithLogitsLoss(),
            "coral" => new CoralLoss(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        _golden.AssertClose(name + ".loss", loss.Forward(_golden.Matrix(name + ".a"), _golden.Matrix(name + ".b")));
        loss.Backward();
        _golden.AssertClose(name + ".da", loss.GradA);
        _golden.AssertClose(name + ".db", loss.GradB);
        output.WriteLine(_golden.Summary);
    }

    [Fact]
    public void L1Discrepancy_AtTie_HasZeroGradient_AsPyTorch()
    {
        var loss = new L1DiscrepancyLoss();
        loss.Forward(_golden.Matrix("l1.a"), _golden.Matrix("l1.b"));
        loss.Backward();
        Assert.Equal(0f, loss.GradA[3, 0]);
        Assert.Equal(0f, _golden.File["l1.da"].Values[3]);
    }
}
