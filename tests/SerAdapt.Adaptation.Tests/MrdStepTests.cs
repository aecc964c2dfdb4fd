using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// MRD's steps touch exactly the parameters the paper says (compared before and after each step):
/// step 1 updates E, R1, R2; step 2 updates R1, R2 but not E; step 3 updates E only. BatchNorm
/// running statistics are buffers, not parameters: every training-mode forward moves them, also in
/// the networks a step keeps fixed, as in PyTorch.
/// </summary>
public class MrdStepTests
{
    private static (MrdTrainer Trainer, Matrix Xs, Matrix Ys, Matrix Xt) Setup()
    {
        var (source, target) = SyntheticPair.Create(16, 16);
        var options = SyntheticPair.SmallOptions();
        var model = ValenceModel.Create("mrd", Mrd.Architecture(SyntheticPair.Dimension, options, SyntheticPair.SmallMrd), new Rng(3));
        var ys = new Matrix(source.Count, 1);
        for (int i = 0; i < source.Count; i++) ys[i, 0] = source.Labels![i];
        return (new MrdTrainer(model, 1e-3, 3), source.Features, ys, target.Features);
    }

    private static Dictionary<string, float[]> Parameters(MrdTrainer t, string net) =>
        (net switch { "E" => t.Encoder, "R1" => t.R1, _ => t.R2 })
        .NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Value.Span.ToArray());

    private static void AssertChanged(MrdTrainer t, Action step, params string[] changed)
    {
        var before = new[] { "E", "R1", "R2" }.ToDictionary(n => n, n => Parameters(t, n));
        step();
        foreach (var net in before.Keys)
        {
            var after = Parameters(t, net);
            foreach (var (name, value) in before[net])
            {
                bool same = value.AsSpan().SequenceEqual(after[name]);
                if (changed.Contains(net))
                    Assert.False(same, $"{net}.{name} should change");
                else
                    Assert.True(same, $"{net}.{name} should stay fixed");
            }
        }
    }

    [Fact]
    public void Step1_UpdatesEncoderAndBothRegressors()
    {
        var (t, xs, ys, _) = Setup();
        AssertChanged(t, () => t.Step1(xs, ys), "E", "R1", "R2");
    }

    [Fact]
    public void Step2_UpdatesRegressorsOnly_EncoderFixed()
    {
        var (t, xs, ys, xt) = Setup();
        t.Step1(xs, ys);
        AssertChanged(t, () => t.Step2(xs, ys, xt), "R1", "R2");
        Assert.False(t.Encoder.Frozen);
    }

    [Fact]
    public void Step3_UpdatesEncoderOnly_RegressorsFixed()
    {
        var (t, xs, ys, xt) = Setup();
        t.Step1(xs, ys);
        t.Step2(xs, ys, xt);
        AssertChanged(t, () => t.Step3(xt), "E");
        Assert.False(t.R1.Frozen || t.R2.Frozen);
    }

    [Fact]
    public void Step3_MovesBatchNormRunningStatisticsOfFixedRegressors()
    {
        var (t, xs, ys, xt) = Setup();
        t.Step1(xs, ys);
        var before = t.R1.NamedBuffers().ToDictionary(b => b.Name, b => b.Buffer.Value.Span.ToArray());
        t.Step3(xt);
        Assert.Contains(t.R1.NamedBuffers(), b => !before[b.Name].AsSpan().SequenceEqual(b.Buffer.Value.Span));
    }

    [Fact]
    public void TrainBatch_StepsEncoderOptimizerOnePlusMTimes_RegressorOptimizerTwice()
    {
        var (t, xs, ys, xt) = Setup();
        var losses = t.TrainBatch(xs, ys, xt);
        Assert.Equal(1 + 3, t.EncoderOptimizer.StepCount);
        Assert.Equal(2, t.RegressorOptimizer.StepCount);
        Assert.True(losses.Mse1 > 0 && losses.Mse2 > 0 && losses.Discrepancy >= 0 && losses.EncoderDiscrepancy >= 0);
    }
}
