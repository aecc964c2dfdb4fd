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
}
