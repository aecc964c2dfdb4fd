namespace SerAdapt.Engine.Tests;

public class GradientCheckTests
{
    private static Rng NewRng(string name) => new Rng(20261124).Child(name);

    [Fact]
    public void Linear_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("linear");
        var layer = new Linear(5, 3, rng);
        Assert.Equal(5 * 3 + 4 * 5 + 3, GradientChecker.CheckModule(layer, TestData.Uniform(rng, 4, 5), rng));
    }

    [Fact]
    public void LinearWithoutBias_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("linear-nobias");
        var layer = new Linear(4, 6, rng, bias: false);
        Assert.Equal(3 * 4 + 6 * 4, GradientChecker.CheckModule(layer, TestData.Uniform(rng, 3, 4), rng));
    }

    [Fact]
    public void BatchNorm1d_Train_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("bn-train");
        var bn = new BatchNorm1d(3);
        rng.FillUniform(bn.Weight.Value.Span, 0.5f, 1.5f);
        rng.FillUniform(bn.Bias.Value.Span, -0.5f, 0.5f);
        bn.Train();
        Assert.Equal(6 * 3 + 3 + 3, GradientChecker.CheckModule(bn, TestData.Normal(rng, 6, 3), rng));
    }

    [Fact]
    public void BatchNorm1d_Eval_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("bn-eval");
        var bn = new BatchNorm1d(3);
        rng.FillUniform(bn.Weight.Value.Span, 0.5f, 1.5f);
        rng.FillUniform(bn.Bias.Value.Span, -0.5f, 0.5f);
        rng.FillUniform(bn.RunningMean.Value.Span, -0.5f, 0.5f);
        rng.FillUniform(bn.RunningVar.Value.Span, 0.5f, 2f);
        bn.Eval();
        Assert.Equal(4 * 3 + 3 + 3, GradientChecker.CheckModule(bn, TestData.Normal(rng, 4, 3), rng));
    }

    [Fact]
    public void Selu_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("selu");
        var x = TestData.AwayFrom(TestData.Uniform(rng, 5, 7, -3f, 3f), 0f, 3 * GradientChecker.Step);
        Assert.Equal(35, GradientChecker.CheckModule(new Selu(), x, rng));
    }

    [Fact]
    public void Dropout_TrainWithFixedMask_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("dropout");
        var dropout = new Dropout(rng.Child("mask"), 0.5f);
        var x = TestData.Uniform(rng, 6, 5);
        dropout.Forward(x);
        dropout.MaskFixed = true;
        Assert.Equal(30, GradientChecker.CheckModule(dropout, x, rng));
    }

    [Fact]
    public void GradientReversal_Backward_MatchesFiniteDifferencesOfNegatedObjective()
    {
        // Forward is the identity, so finite differences see +dy; reversal must return -lambda dy.
        var rng = NewRng("grl");
        var grl = new GradientReversal(0.7f);
        var x = TestData.Uniform(rng, 3, 4);
        var dy = TestData.Uniform(rng, 3, 4);
        grl.Forward(x);
        var dx = grl.Backward(dy);
        for (int i = 0; i < dx.Length; i++)
            Assert.Equal(-0.7f * dy.Span[i], dx.Span[i]);
        var chain = new Sequential(new Linear(4, 2, rng), new GradientReversal(-1f));
        Assert.Equal(3 * 4 + 2 * 4 + 2, GradientChecker.CheckModule(chain, x, rng));
    }

    [Fact]
    public void Sequential_LinearBnSeluDropout_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("sequential");
        var dropout = new Dropout(rng.Child("mask"), 0.3f);
        var net = new Sequential(new Linear(4, 5, rng), new BatchNorm1d(5), new Selu(), dropout, new Linear(5, 2, rng));
        var x = TestData.Normal(rng, 6, 4);
        net.Forward(x);
        dropout.MaskFixed = true;
        int n = GradientChecker.CheckModule(net, x, rng);
        Assert.Equal(6 * 4 + (5 * 4 + 5) + (5 + 5) + (2 * 5 + 2), n);
    }

    [Fact]
    public void MseLoss_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("mse");
        Assert.Equal(16, GradientChecker.CheckLoss(new MseLoss(), TestData.Uniform(rng, 8, 1), TestData.Uniform(rng, 8, 1)));
    }

    [Fact]
    public void L1DiscrepancyLoss_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("mad");
        var a = TestData.Uniform(rng, 6, 2);
        var b = TestData.Uniform(rng, 6, 2);
        for (int i = 0; i < a.Length; i++)
            if (MathF.Abs(a.Span[i] - b.Span[i]) < 6 * GradientChecker.Step)
                a.Span[i] = b.Span[i] + 0.1f;
        Assert.Equal(24, GradientChecker.CheckLoss(new L1DiscrepancyLoss(), a, b, scale: -1f));
    }

    [Fact]
    public void BceWithLogitsLoss_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("bce");
        var logits = TestData.Uniform(rng, 7, 1, -4f, 4f);
        var targets = TestData.Uniform(rng, 7, 1, 0f, 1f);
        Assert.Equal(14, GradientChecker.CheckLoss(new BceWithLogitsLoss(), logits, targets));
    }

    [Fact]
    public void CoralLoss_Backward_MatchesFiniteDifferences()
    {
        var rng = NewRng("coral");
        Assert.Equal(5 * 3 + 7 * 3, GradientChecker.CheckLoss(new CoralLoss(), TestData.Normal(rng, 5, 3), TestData.Normal(rng, 7, 3, 2f)));
    }
}
