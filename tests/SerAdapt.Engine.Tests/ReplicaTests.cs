namespace SerAdapt.Engine.Tests;

public class ReplicaTests
{
    private static Sequential Encoder(Rng rng) =>
        new(new Linear(3, 4, rng), new BatchNorm1d(4), new Selu(), new Dropout(rng.Child("dropout"), 0f), new GradientReversal(-1f));

    [Fact]
    public void Replicate_SharesParametersAndBuffers_NotOutputs()
    {
        var rng = new Rng(1);
        var e = Encoder(rng);
        var replica = e.Replicate();
        Assert.Equal(e.NamedState().Select(s => s.Name), replica.NamedState().Select(s => s.Name));
        foreach (var ((_, a), (_, b)) in e.NamedState().Zip(replica.NamedState()))
            Assert.Same(a, b);
        var ys = e.Forward(TestData.Normal(rng, 5, 3));
        var yt = replica.Forward(TestData.Normal(rng, 6, 3));
        Assert.NotSame(ys, yt);
        Assert.Equal(5, ys.Rows);
    }

    [Fact]
    public void Replica_ForwardsInTurn_UpdateRunningStatsAsOneModuleWould()
    {
        var rng = new Rng(2);
        var xs = TestData.Normal(rng, 5, 3);
        var xt = TestData.Normal(rng, 7, 3, 2f);
        var single = Encoder(new Rng(3));
        single.Forward(xs);
        single.Forward(xt);
        var pair = Encoder(new Rng(3));
        var replica = pair.Replicate();
        pair.Forward(xs);
        replica.Forward(xt);
        foreach (var ((name, a), (_, b)) in single.NamedBuffers().Zip(pair.NamedBuffers()))
            Assert.True(a.Value.Span.SequenceEqual(b.Value.Span), name);
    }

    [Fact]
    public void CoralThroughSharedEncoder_ParameterGradients_MatchFiniteDifferences()
    {
        // L = CORAL(E(x_s), E(x_t)) couples both batches: both must be in flight before backward.
        var rng = new Rng(4);
        var e = Encoder(rng);
        var et = e.Replicate();
        var xs = TestData.Normal(rng, 6, 3);
        var xt = TestData.Normal(rng, 5, 3, 1.5f);
        var coral = new CoralLoss();
        double Objective() => coral.Forward(e.Forward(xs), et.Forward(xt));
        e.ZeroGrad();
        Objective();
        coral.Backward();
        e.BackwardWithoutInputGradient(coral.GradA);
        et.BackwardWithoutInputGradient(coral.GradB);
        int n = 0;
        foreach (var (name, p) in e.NamedParameters())
            n += GradientChecker.CheckParameter(name, p, Objective);
        Assert.Equal(4 * 3 + 4 + 4 + 4, n);
    }

    [Fact]
    public void GradientReversalReplica_SharesLambda()
    {
        var grl = new GradientReversal(0.1f);
        var replica = (GradientReversal)grl.Replicate();
        grl.Lambda = 0.8f;
        Assert.Equal(0.8f, replica.Lambda);
    }
}
