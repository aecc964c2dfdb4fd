namespace SerAdapt.Engine.Tests;

/// <summary>RsdLoss and DareGramLoss: finite-difference gradients and the values' defining properties.</summary>
public class SubspaceLossTests
{
    [Fact]
    public void Rsd_SumOfSines_Backward_MatchesFiniteDifferences()
    {
        var rng = new Rng(31);
        var a = TestData.Normal(rng, 4, 10);
        var b = TestData.Normal(rng, 4, 10);
        Assert.Equal(2 * 4 * 10, GradientChecker.CheckLoss(new RsdLoss(basesWeight: 0), a, b, scale: 1.5f));
    }

    [Fact]
    public void Rsd_WithBasesMismatch_Backward_MatchesFiniteDifferencesOfSmallerStep()
    {
        // The principal vectors turn fast (their sensitivity is 1 / the gap between cos^2 values), so the
        // shared checker's h = 1e-2 leaves O(h^2 / gap^2) truncation; h = 1e-3 keeps it well below the
        // tolerance while float32 rounding of a loss of ~5 stays ~1e-6 / 2e-3 = 5e-4.
        var rng = new Rng(31);
        var a = TestData.Normal(rng, 4, 10);
        var b = TestData.Normal(rng, 4, 10);
        var loss = new RsdLoss(basesWeight: 1);
        loss.Forward(a, b);
        loss.Backward();
        Assert.True(loss.BasesMismatch > 0.1);
        foreach (var (m, g) in new[] { (a, loss.GradA.Clone()), (b, loss.GradB.Clone()) })
            for (int i = 0; i < m.Length; i++)
            {
                const float h = 1e-3f;
                float v = m.Span[i];
                m.Span[i] = v + h;
                double plus = loss.Forward(a, b);
                m.Span[i] = v - h;
                double minus = loss.Forward(a, b);
                m.Span[i] = v;
                double numeric = (plus - minus) / (2 * h);
                Assert.True(Math.Abs(numeric - g.Span[i]) <= 2e-3 + 1e-2 * Math.Abs(numeric), $"[{i}]: analytic {g.Span[i]}, numeric {numeric}");
            }
    }

    [Fact]
    public void Rsd_SameSubspace_IsZero_DisjointSubspacesSumOfSinesIsRows()
    {
        var rng = new Rng(2);
        var a = TestData.Normal(rng, 3, 8);
        // b = a mixed by a 3 x 3 matrix: the same row space, so every principal angle is 0.
        var mix = TestData.Normal(rng, 3, 3);
        var b = new Matrix(3, 8);
        Gemm.Multiply(mix, false, a, false, b);
        var loss = new RsdLoss(0);
        Assert.True(loss.Forward(a, b) < 1e-3f, $"{loss.Value}");
        // Rows supported on disjoint coordinates: orthogonal subspaces, every angle 90 degrees.
        var s = new Matrix(3, 8);
        var t = new Matrix(3, 8);
        for (int i = 0; i < 3; i++) { s[i, i] = 1 + i; t[i, 4 + i] = 2; }
        Assert.Equal(3f, new RsdLoss(0).Forward(s, t), 5);
    }

    [Fact]
    public void Rsd_UnequalBatches_FailsNamingShapes()
    {
        var ex = Assert.Throws<ShapeMismatchException>(() => new RsdLoss().Forward(new Matrix(4, 8), new Matrix(3, 8)));
        Assert.Contains("(4, 8)", ex.Message);
        Assert.Contains("(3, 8)", ex.Message);
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void DareGram_Backward_MatchesFiniteDifferences(double threshold)
    {
        var rng = new Rng(41);
        var a = TestData.Normal(rng, 5, 4);
        var b = TestData.Normal(rng, 6, 4, 1.5f);
        var loss = new DareGramLoss(angleWeight: 1, scaleWeight: 0.1, threshold);
        loss.Forward(a, b);
        Assert.True(loss.Components >= 1);
        Assert.Equal(5 * 4 + 6 * 4, GradientChecker.CheckLoss(loss, a, b, scale: 2f));
    }

    [Fact]
    public void DareGram_SameBatch_IsZero_ScaledBatchOnlyScaleTerm()
    {
        var rng = new Rng(5);
        var a = TestData.Normal(rng, 6, 4);
        var loss = new DareGramLoss(1, 1, 0.99);
        Assert.True(loss.Forward(a, a) < 1e-5f, $"{loss.Value}");
        var b = a.Clone();
        System.Numerics.Tensors.TensorPrimitives.Multiply(b.Span, 2f, b.Span);
        loss.Forward(a, b);
        Assert.True(loss.ScaleAlignment > 1, $"scale {loss.ScaleAlignment}");
    }

    [Fact]
    public void DareGram_Components_FewestEigenvaluesReachingThreshold()
    {
        // Rows e_0 * 10, e_1 * 1 (plus the ones column, orthogonal to neither): k must grow with T.
        var a = new Matrix(4, 3);
        a[0, 0] = 10; a[1, 0] = -10; a[2, 1] = 1; a[3, 1] = -1;
        var low = new DareGramLoss(threshold: 0.5);
        low.Forward(a, a);
        var high = new DareGramLoss(threshold: 1.0);
        high.Forward(a, a);
        Assert.Equal(1, low.Components);
        Assert.Equal(3, high.Components);
    }
}
