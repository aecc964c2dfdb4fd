namespace SerAdapt.Engine.Tests;

/// <summary>
/// The fused BatchNorm1d -> SELU -> Dropout pass that Sequential runs in training against the three
/// layers called one by one, and the counter-based dropout masks it draws.
/// </summary>
public class FusedBlockTests
{
    [Theory]
    [InlineData(64, 1024, 0.5f)]
    [InlineData(7, 1000, 0.3f)]   // a tail after the last 16-column unit
    [InlineData(5, 3, 0.5f)]
    [InlineData(9, 40, 0f)]       // p = 0: dropout passes through
    public void FusedForwardBackward_IsBitIdenticalToTheLayersInTurn(int rows, int cols, float p)
    {
        var data = new Rng(5);
        var x = TestData.Normal(data, rows, cols, 2f);
        var dy = TestData.Normal(data, rows, cols);
        Sequential Block() => new(new BatchNorm1d(cols), new Selu(), new Dropout(new Rng(8).Child("dropout"), p));
        var fused = Block();
        var separate = Block();
        foreach (var net in new[] { fused, separate })
            new Rng(3).FillNormal(((BatchNorm1d)net[0]).Weight.Value.Span, 1f, 0.5f);
        for (int step = 0; step < 2; step++) // a second step: a new mask, gradients accumulate
        {
            var yf = fused.Forward(x);
            var dxf = fused.Backward(dy);
            var h = x;
            for (int i = 0; i < 3; i++)
                h = separate[i].Forward(h);
            var d = dy;
            for (int i = 2; i >= 0; i--)
                d = separate[i].Backward(d);
            Assert.True(yf.Span.SequenceEqual(h.Span), $"forward, step {step}");
            Assert.True(dxf.Span.SequenceEqual(d.Span), $"input gradient, step {step}");
        }
        foreach (var ((name, a), (_, b)) in fused.NamedState().Zip(separate.NamedState()))
            Assert.True(a.Value.Span.SequenceEqual(b.Value.Span), name);
        foreach (var ((name, a), (_, b)) in fused.NamedParameters().Zip(separate.NamedParameters()))
            Assert.True(a.Grad.Span.SequenceEqual(b.Grad.Span), name + " gradient");
    }

    [Fact]
    public void FusedBlock_FixedMask_IsUsedAndKept()
    {
        var rng = new Rng(2);
        var x = TestData.Normal(rng, 4, 6);
        var dropout = new Dropout(rng.Child("dropout"));
        var mask = new Matrix(4, 6);
        for (int i = 0; i < mask.Length; i++)
            mask.Span[i] = i % 3 == 0 ? 0f : 2f;
        dropout.SetMask(mask);
        var net = new Sequential(new BatchNorm1d(6), new Selu(), dropout);
        var y = net.Forward(x);
        for (int i = 0; i < mask.Length; i++)
            Assert.Equal(i % 3 == 0, y.Span[i] == 0f);
        Assert.True(dropout.Mask!.Span.SequenceEqual(mask.Span));
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(16, 1000)]
    [InlineData(3, 77)]
    [InlineData(40, 41)]
    public void MaskRow_VectorPath_MatchesTheScalarDefinition(int j0, int j1)
    {
        const ulong key = 0x1234_5678_9ABC_DEF0, step = 5_000_000_123;
        uint threshold = DropoutMask.Threshold(0.5f);
        var mask = new float[j1 - j0];
        DropoutMask.FillRow(key, step, 17, j0, j1, threshold, 2f, mask);
        for (int j = j0; j < j1; j++)
            Assert.Equal(DropoutMask.Draw(key, step, 17, j) >= threshold ? 2f : 0f, mask[j - j0]);
    }

    [Fact]
    public void Masks_KeepOneMinusP_AndDifferByRowColumnStepAndKey()
    {
        var draws = new HashSet<uint>();
        int kept = 0, n = 0;
        for (ulong key = 1; key <= 2; key++)
            for (ulong step = 0; step < 2; step++)
                for (int row = 0; row < 64; row++)
                    for (int col = 0; col < 256; col++, n++)
                    {
                        uint k = DropoutMask.Draw(key, step, row, col);
                        draws.Add(k);
                        if (k >= DropoutMask.Threshold(0.3f))
                            kept++;
                    }
        Assert.InRange(kept / (double)n, 0.69, 0.71);
        Assert.True(draws.Count > n * 0.99, $"{draws.Count} distinct draws of {n}");
    }
}
