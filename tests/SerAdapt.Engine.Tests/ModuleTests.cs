namespace SerAdapt.Engine.Tests;

public class ModuleTests
{
    private static Sequential SmallNet(Rng rng) =>
        new(new Linear(6, 5, rng), new BatchNorm1d(5), new Selu(), new Dropout(rng.Child("dropout")), new Linear(5, 1, rng));

    [Fact]
    public void NamedState_FollowsPyTorchSequentialStateDict()
    {
        var net = SmallNet(new Rng(1));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "4.weight", "4.bias"],
            net.NamedState().Select(s => s.Name));
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias"], net.NamedParameters().Select(p => p.Name));
        Assert.Equal(["1.running_mean", "1.running_var"], net.NamedBuffers().Select(b => b.Name));
        Assert.Equal([5, 6], net.NamedState().First().Tensor.Shape);
        Assert.Equal(6, net.Parameters().Count);
    }

    [Fact]
    public void NestedSequential_PrefixesChildNames()
    {
        var rng = new Rng(1);
        var net = new Sequential(new Sequential(new Linear(2, 2, rng)), new Linear(2, 1, rng, bias: false));
        Assert.Equal(["0.0.weight", "0.0.bias", "1.weight"], net.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void SetTraining_ReachesEveryChild()
    {
        var net = new Sequential(SmallNet(new Rng(1)));
        net.Eval();
        Assert.All(((Sequential)net[0]).Modules, m => Assert.False(m.IsTraining));
        net.Train();
        Assert.All(((Sequential)net[0]).Modules, m => Assert.True(m.IsTraining));
    }

    [Fact]
    public void Backward_AccumulatesUntilZeroGrad()
    {
        var rng = new Rng(2);
        var net = SmallNet(rng);
        ((Dropout)net[3]).MaskFixed = false;
        var x = TestData.Normal(rng, 4, 6);
        var dy = TestData.Uniform(rng, 4, 1);
        net.Forward(x);
        ((Dropout)net[3]).MaskFixed = true;
        net.Backward(dy);
        var once = net.Parameters().Select(p => p.Grad.Span.ToArray()).ToList();
        net.Forward(x);
        net.Backward(dy);
        var params_ = net.Parameters();
        for (int i = 0; i < params_.Count; i++)
            for (int j = 0; j < once[i].Length; j++)
                Assert.Equal(2 * once[i][j], params_[i].Grad.Span[j], 1e-5f);
        net.ZeroGrad();
        Assert.All(params_, p => Assert.True(p.Grad.Span.IndexOfAnyExcept(0f) < 0));
    }

    [Fact]
    public void Frozen_AccumulatesNoParameterGradient_ButPassesInputGradient()
    {
        var x = TestData.Normal(new Rng(3), 4, 6);
        var dy = TestData.Uniform(new Rng(4), 4, 1);
        var live = SmallNet(new Rng(5));
        var frozen = SmallNet(new Rng(5));
        frozen.Frozen = true;
        Assert.True(frozen.Frozen);
        live.Forward(x);
        frozen.Forward(x);
        var dxLive = live.Backward(dy);
        var dxFrozen = frozen.Backward(dy);
        Assert.Equal(dxLive.Span.ToArray(), dxFrozen.Span.ToArray());
        Assert.All(frozen.Parameters(), p => Assert.True(p.Grad.Span.IndexOfAnyExcept(0f) < 0));
        Assert.Contains(live.Parameters(), p => p.Grad.Span.IndexOfAnyExcept(0f) >= 0);
        frozen.Frozen = false;
        Assert.DoesNotContain(frozen.Parameters(), p => p.Frozen);
    }

    [Fact]
    public void BackwardWithoutInputGradient_GivesTheSameParameterGradients()
    {
        var x = TestData.Normal(new Rng(3), 4, 6);
        var dy = TestData.Uniform(new Rng(4), 4, 1);
        var a = SmallNet(new Rng(5));
        var b = SmallNet(new Rng(5));
        a.Forward(x);
        b.Forward(x);
        a.Backward(dy);
        b.BackwardWithoutInputGradient(dy);
        foreach (var (pa, pb) in a.Parameters().Zip(b.Parameters()))
            Assert.Equal(pa.Grad.Span.ToArray(), pb.Grad.Span.ToArray());
    }

    [Fact]
    public void Forward_ReusesBuffers_UntilTheBatchSizeChanges()
    {
        var rng = new Rng(6);
        var net = SmallNet(rng);
        var y1 = net.Forward(TestData.Normal(rng, 4, 6));
        var dx1 = net.Backward(TestData.Uniform(rng, 4, 1));
        var y2 = net.Forward(TestData.Normal(rng, 4, 6));
        var dx2 = net.Backward(TestData.Uniform(rng, 4, 1));
        Assert.Same(y1, y2);
        Assert.Same(dx1, dx2);
        var y3 = net.Forward(TestData.Normal(rng, 3, 6));
        Assert.NotSame(y1, y3);
        Assert.Equal(3, y3.Rows);
    }

    [Fact]
    public void TrainingStep_WithoutGemm_AllocatesNothingInSteadyState()
    {
        // Linear is left out: its allocations are the GEMM's business, not the layers'.
        var rng = new Rng(7);
        var net = new Sequential(new BatchNorm1d(8), new Selu(), new Dropout(rng.Child("dropout")), new GradientReversal(0.5f));
        var opt = new Adam(net.Parameters());
        var loss = new MseLoss();
        var x = TestData.Normal(rng, 16, 8);
        var target = TestData.Normal(rng, 16, 8);
        void Step()
        {
            opt.ZeroGrad();
            loss.Forward(net.Forward(x), target);
            loss.Backward();
            net.BackwardWithoutInputGradient(loss.GradA);
            opt.Step();
        }
        for (int i = 0; i < 200; i++)
            Step(); // past tiered JIT recompilation, which allocates on its own
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
            Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void LoadStateDict_MissingOrMisshapenTensor_FailsNamingIt()
    {
        var net = SmallNet(new Rng(1));
        var state = net.StateDict();
        state.Remove("1.running_var");
        Assert.Contains("'1.running_var'", Assert.Throws<KeyNotFoundException>(() => net.LoadStateDict(state)).Message);

        state = net.StateDict();
        state["0.weight"] = new TensorData([6, 5], new float[30]);
        var e = Assert.Throws<ShapeMismatchException>(() => net.LoadStateDict(state));
        Assert.Contains("'0.weight'", e.Message);
        Assert.Contains("(5, 6)", e.Message);
        Assert.Contains("(6, 5)", e.Message);
    }

    [Fact]
    public void Backward_BeforeForward_Fails()
    {
        Assert.Throws<InvalidOperationException>(() => new Linear(2, 2, new Rng(1)).Backward(new Matrix(1, 2)));
        Assert.Throws<InvalidOperationException>(() => new BatchNorm1d(2).Backward(new Matrix(2, 2)));
        Assert.Throws<InvalidOperationException>(() => new Selu().Backward(new Matrix(2, 2)));
    }
}
