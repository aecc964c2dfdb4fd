namespace SerAdapt.Engine.Tests;

public class LayerTests
{
    [Fact]
    public void Linear_PyTorchDefaultInit_IsUniformWithinOneOverSqrtFanIn()
    {
        var layer = new Linear(100, 50, new Rng(1));
        float bound = 1f / MathF.Sqrt(100);
        Assert.All(layer.Weight.Value.Span.ToArray(), w => Assert.InRange(w, -bound, bound));
        Assert.All(layer.Bias!.Value.Span.ToArray(), b => Assert.InRange(b, -bound, bound));
        Assert.True(layer.Weight.Value.Span.ToArray().Max() > 0.9f * bound);
    }

    [Fact]
    public void Linear_LeCunNormalInit_HasStdOneOverSqrtFanInAndZeroBias()
    {
        var layer = new Linear(400, 300, new Rng(2), LinearInit.LeCunNormal);
        var w = layer.Weight.Value.Span.ToArray();
        double std = Math.Sqrt(w.Select(v => (double)v * v).Average());
        Assert.InRange(std, 0.97 / 20, 1.03 / 20);
        Assert.True(layer.Bias!.Value.Span.IndexOfAnyExcept(0f) < 0);
    }

    [Fact]
    public void Linear_SameRngSeed_GivesSameWeights()
    {
        var a = new Linear(7, 3, new Rng(5).Child("init"));
        var b = new Linear(7, 3, new Rng(5).Child("init"));
        Assert.Equal(a.Weight.Value.Span.ToArray(), b.Weight.Value.Span.ToArray());
    }

    [Fact]
    public void Linear_WrongInputWidth_FailsNamingBothShapes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => new Linear(5, 2, new Rng(1)).Forward(new Matrix(3, 4)));
        Assert.Contains("(3, 4)", e.Message);
        Assert.Contains("(N, 5)", e.Message);
    }

    [Fact]
    public void Backward_WrongGradientShape_FailsNamingBothShapes()
    {
        var layer = new Linear(5, 2, new Rng(1));
        layer.Forward(new Matrix(3, 5));
        var e = Assert.Throws<ShapeMismatchException>(() => layer.Backward(new Matrix(3, 3)));
        Assert.Contains("(3, 2)", e.Message);
        Assert.Contains("(3, 3)", e.Message);
        var selu = new Selu();
        selu.Forward(new Matrix(2, 2));
        Assert.Contains("(2, 3)", Assert.Throws<ShapeMismatchException>(() => selu.Backward(new Matrix(2, 3))).Message);
    }

    [Fact]
    public void BatchNorm1d_Train_UpdatesRunningStatsWithUnbiasedVariance()
    {
        // One column 1, 2, 3, 6: mean 3, biased var 3.5, unbiased var 14/3.
        var bn = new BatchNorm1d(1);
        var y = bn.Forward(new Matrix([1f, 2f, 3f, 6f], 0, 4, 1));
        Assert.Equal(0.1f * 3f, bn.RunningMean.Value[0, 0], 6);
        Assert.Equal(0.9f + 0.1f * 14f / 3f, bn.RunningVar.Value[0, 0], 6);
        Assert.Equal((1f - 3f) / MathF.Sqrt(3.5f + 1e-5f), y[0, 0], 5);
        Assert.Equal(1, bn.BatchesTracked);
    }

    [Fact]
    public void BatchNorm1d_Eval_UsesRunningStats_AndLeavesThemAlone()
    {
        var bn = new BatchNorm1d(1);
        bn.RunningMean.Value[0, 0] = 2f;
        bn.RunningVar.Value[0, 0] = 4f;
        bn.Eval();
        var y = bn.Forward(new Matrix([6f], 0, 1, 1));
        Assert.Equal(4f / MathF.Sqrt(4f + 1e-5f), y[0, 0], 5);
        Assert.Equal(2f, bn.RunningMean.Value[0, 0]);
        Assert.Equal(0, bn.BatchesTracked);
    }

    [Fact]
    public void BatchNorm1d_TrainOnOneRow_FailsNamingShape()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => new BatchNorm1d(3).Forward(new Matrix(1, 3)));
        Assert.Contains("(1, 3)", e.Message);
    }

    [Fact]
    public void Dropout_Train_KeepsAboutOneMinusPScaledUp_AndDrawsANewMaskEachForward()
    {
        var dropout = new Dropout(new Rng(3), 0.3f);
        var x = new Matrix(100, 100);
        x.Span.Fill(1f);
        var first = dropout.Forward(x).Span.ToArray();
        Assert.All(first, v => Assert.True(v == 0f || Math.Abs(v - 1f / 0.7f) < 1e-6f));
        Assert.InRange(first.Count(v => v != 0f) / 10000.0, 0.68, 0.72);
        var second = dropout.Forward(x).Span.ToArray();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Dropout_Eval_IsIdentity()
    {
        var dropout = new Dropout(new Rng(3));
        dropout.Eval();
        var x = TestData.Uniform(new Rng(1), 3, 4);
        Assert.Same(x, dropout.Forward(x));
        var dy = TestData.Uniform(new Rng(2), 3, 4);
        Assert.Same(dy, dropout.Backward(dy));
    }

    [Fact]
    public void Dropout_SameSeed_SameMasks()
    {
        var x = TestData.Uniform(new Rng(1), 5, 5);
        var a = new Dropout(new Rng(9).Child("dropout"));
        var b = new Dropout(new Rng(9).Child("dropout"));
        Assert.Equal(a.Forward(x).Span.ToArray(), b.Forward(x).Span.ToArray());
    }

    [Fact]
    public void Dropout_FixedMaskOfWrongShape_FailsNamingBothShapes()
    {
        var dropout = new Dropout(new Rng(1));
        dropout.SetMask(new Matrix(2, 3));
        var e = Assert.Throws<ShapeMismatchException>(() => dropout.Forward(new Matrix(4, 3)));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("(4, 3)", e.Message);
    }

    [Fact]
    public void GradientReversal_LambdaCanChangeBetweenSteps()
    {
        var grl = new GradientReversal(0f);
        var dy = new Matrix([1f, -2f], 0, 1, 2);
        grl.Forward(new Matrix(1, 2));
        Assert.Equal([0f, 0f], grl.Backward(dy).Span.ToArray().Select(v => v + 0f));
        grl.Lambda = 0.5f;
        grl.Forward(new Matrix(1, 2));
        Assert.Equal([-0.5f, 1f], grl.Backward(dy).Span.ToArray());
    }

    [Fact]
    public void BatchNormSeluDropout_OnSeveralThreads_AreBitIdenticalToOneThread()
    {
        // 1000 columns: ranges of whole 16-column units and a tail; large enough to be split.
        // Run twice: BN -> SELU (separate layers) and BN -> SELU -> Dropout (the fused pass, masks drawn in parallel).
        foreach (bool dropout in new[] { false, true })
            CompareThreads(dropout);
    }

    private static void CompareThreads(bool withDropout)
    {
        (float[] Y, float[] Dx, float[] Grads, float[] Running) Run(int threads)
        {
            var rng = new Rng(11);
            var net = new Sequential(new BatchNorm1d(1000), new Selu()) { Threads = threads };
            if (withDropout)
                net.Add(new Dropout(rng.Child("dropout"))); // takes the network's thread count
            var x = new Matrix(64, 1000);
            var dy = new Matrix(64, 1000);
            rng.FillNormal(x.Span, 0.3f, 2f);
            rng.FillNormal(dy.Span, 0f, 1f);
            Matrix y = null!, dx = null!;
            for (int pass = 0; pass < 2; pass++)
            {
                y = net.Forward(x);
                dx = net.Backward(dy);
            }
            var grads = net.Parameters().SelectMany(p => p.Grad.Span.ToArray()).ToArray();
            var running = net.NamedBuffers().SelectMany(b => b.Buffer.Value.Span.ToArray()).ToArray();
            return (y.Span.ToArray(), dx.Span.ToArray(), grads, running);
        }
        var one = Run(1);
        var two = Run(2);
        Assert.True(one.Y.AsSpan().SequenceEqual(two.Y), "forward");
        Assert.True(one.Dx.AsSpan().SequenceEqual(two.Dx), "input gradient");
        Assert.True(one.Grads.AsSpan().SequenceEqual(two.Grads), "parameter gradients");
        Assert.True(one.Running.AsSpan().SequenceEqual(two.Running), "running statistics");
    }
}
