namespace SerAdapt.Engine.Tests;

public class OptimizerTests
{
    [Fact]
    public void Adam_SkipsFrozenParameters_AndKeepsTheirState()
    {
        var a = new Parameter("a", 3);
        var b = new Parameter("b", 3);
        a.Grad.Span.Fill(1f);
        b.Grad.Span.Fill(1f);
        b.Frozen = true;
        var adam = new Adam([a, b], learningRate: 0.1);
        adam.Step();
        Assert.All(a.Value.Span.ToArray(), v => Assert.Equal(-0.1f, v, 5));
        Assert.All(b.Value.Span.ToArray(), v => Assert.Equal(0f, v));
        Assert.True(adam.FirstMoment(1).IndexOfAnyExcept(0f) < 0);
    }

    [Fact]
    public void Adam_FirstStep_MovesEachParameterByLearningRate()
    {
        // m_hat / sqrt(v_hat) = g / |g| at step 1.
        var p = new Parameter("p", 4);
        new float[] { 3f, -0.2f, 1e-3f, -50f }.CopyTo(p.Grad.Span);
        new Adam([p], learningRate: 0.01).Step();
        Assert.Equal([-0.01f, 0.01f, -0.01f, 0.01f], p.Value.Span.ToArray().Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void Optimizer_SameParameterTwice_Fails()
    {
        var p = new Parameter("p", 2);
        Assert.Throws<ArgumentException>(() => new Adam([p, p]));
    }

    [Fact]
    public void Sgd_WithoutMomentum_IsPlainGradientDescent()
    {
        var p = new Parameter("p", 2);
        new float[] { 1f, 2f }.CopyTo(p.Value.Span);
        new float[] { 0.5f, -1f }.CopyTo(p.Grad.Span);
        var sgd = new Sgd([p], learningRate: 0.1);
        sgd.Step();
        Assert.Equal(0.95f, p.Value[0, 0], 6);
        Assert.Equal(2.1f, p.Value[0, 1], 6);
        Assert.Equal(1, sgd.StepCount);
    }

    [Fact]
    public void ZeroGrad_ClearsOnlyItsOwnParameters()
    {
        var mine = new Parameter("mine", 2);
        var other = new Parameter("other", 2);
        mine.Grad.Span.Fill(1f);
        other.Grad.Span.Fill(1f);
        new Adam([mine]).ZeroGrad();
        Assert.Equal([0f, 0f], mine.Grad.Span.ToArray());
        Assert.Equal([1f, 1f], other.Grad.Span.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Step_OnSeveralThreads_IsBitIdenticalToOneThread(bool sgd)
    {
        // Lengths that are not multiples of the chunk or vector size, more than one chunk each, one frozen.
        int[] lengths = [Optimizer.ChunkFloats * 2 + 7, 1000, Optimizer.ChunkFloats + 16, 3];
        Parameter[] Make(int seed)
        {
            var rng = new Rng((ulong)seed);
            var ps = lengths.Select((n, i) => new Parameter($"p{i}", n)).ToArray();
            foreach (var p in ps)
                rng.FillNormal(p.Value.Span, 0f, 1f);
            ps[1].Frozen = true;
            return ps;
        }
        Optimizer Create(Parameter[] ps) => sgd ? new Sgd(ps, 0.01, momentum: 0.9, weightDecay: 1e-3) : new Adam(ps, 1e-3, weightDecay: 1e-3);
        var one = Make(7);
        var two = Make(7);
        var optOne = Create(one);
        var optTwo = Create(two);
        var grads = new Rng(9);
        for (int step = 0; step < 3; step++)
        {
            for (int i = 0; i < one.Length; i++)
            {
                grads.FillNormal(one[i].Grad.Span, 0f, 1f);
                one[i].Grad.Span.CopyTo(two[i].Grad.Span);
            }
            optOne.Step(1);
            optTwo.Step(2);
        }
        for (int i = 0; i < one.Length; i++)
            Assert.True(one[i].Value.Span.SequenceEqual(two[i].Value.Span), $"parameter {i} differs");
    }

    [Fact]
    public void Backward_AfterZeroGrad_WritesWhatClearingAndAddingWould()
    {
        var rng = new Rng(3);
        var lazy = new Sequential(new Linear(5, 4, rng.Child("a")), new BatchNorm1d(4));
        var eager = new Sequential(new Linear(5, 4, rng.Child("a")), new BatchNorm1d(4));
        var x = new Matrix(6, 5);
        var dy = new Matrix(6, 4);
        rng.FillNormal(x.Span, 0f, 1f);
        rng.FillNormal(dy.Span, 0f, 1f);
        var lazyParams = lazy.Parameters();
        var eagerParams = eager.Parameters();
        foreach (var p in lazyParams.Concat(eagerParams))
            p.Grad.Span.Fill(5f); // stale values that must not survive the zeroing
        lazy.ZeroGrad();
        foreach (var p in eagerParams)
            p.Grad.Span.Clear();
        for (int pass = 0; pass < 2; pass++) // the second pass accumulates
        {
            lazy.Forward(x);
            lazy.Backward(dy);
            eager.Forward(x);
            eager.Backward(dy);
            for (int i = 0; i < lazyParams.Count; i++)
                Assert.True(lazyParams[i].Grad.Span.SequenceEqual(eagerParams[i].Grad.Span), $"pass {pass}, parameter {i}");
        }
    }
}
