using SerAdapt.Engine;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// MRD against PyTorch 1.13: three full iterations (steps 1, 2 and 3 x 3) of the engine's golden
/// fixture (tests/golden/make_golden.py, "mrd.safetensors"); every parameter and BatchNorm running
/// statistic after every step, and every loss, within 1e-5 relative (1e-6 absolute for entries near zero).
/// </summary>
public class MrdGoldenTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private const double AbsoluteFloor = 1e-6;

    internal static Sequential Block(int inputs, int outputs) =>
        new(new Linear(inputs, outputs, new Rng(0), bias: false), new BatchNorm1d(outputs), new Selu(), new Dropout(new Rng(0), 0f));

    internal static Sequential Network(params Module[][] parts) => new(parts.SelectMany(p => p));

    internal static Module[] Blocks(Sequential s) => [.. s.Modules];

    [Fact]
    public void ThreeIterations_MatchPyTorchWithin1e5Relative()
    {
        var golden = SafeTensors.Read(Path.Combine(AppContext.BaseDirectory, "Golden", "mrd.safetensors")).Tensors;
        var e = Network(Blocks(Block(6, 5)), Blocks(Block(5, 4)));
        var r1 = Network(Blocks(Block(4, 4)), [new Linear(4, 1, new Rng(0))]);
        var r2 = Network(Blocks(Block(4, 4)), Blocks(Block(4, 4)), [new Linear(4, 1, new Rng(0))]);
        var nets = new[] { ("E", e), ("R1", r1), ("R2", r2) };
        foreach (var (name, net) in nets) net.LoadStateDict(golden, $"mrd.init.{name}.");
        var xs = golden["mrd.xs"].ToMatrix();
        var ys = golden["mrd.ys"].ToMatrix();
        var xt = golden["mrd.xt"].ToMatrix();
        var trainer = new MrdTrainer(e, r1, r2, 1e-3, encoderSteps: 3);
        double worst = 0;
        string worstAt = "";

        void Track(string what, double error)
        {
            if (error > worst) (worst, worstAt) = (error, what);
        }

        void Compare(string stage, string lossName, float loss)
        {
            Track($"{stage}.{lossName}", Check($"{stage}.{lossName}", [loss], golden[$"mrd.{stage}.{lossName}"].Values));
            foreach (var (name, net) in nets)
                foreach (var (key, value) in net.StateDict())
                    Track($"{stage}.{name}.{key}", Check($"{stage}.{name}.{key}", value.Values, golden[$"mrd.{stage}.{name}.{key}"].Values));
        }

        for (int it = 1; it <= 3; it++)
        {
            var (mse1, mse2) = trainer.Step1(xs, ys);
            Compare($"iter{it}.step1", "loss", mse1 + mse2);
            var (mse, dis) = trainer.Step2(xs, ys, xt);
            Compare($"iter{it}.step2", "loss_mse", mse);
            Track($"iter{it}.step2.loss_dis", Check($"iter{it}.step2.loss_dis", [dis], golden[$"mrd.iter{it}.step2.loss_dis"].Values));
            for (int k = 1; k <= 3; k++)
                Compare($"iter{it}.step3.{k}", "loss_dis", trainer.Step3(xt));
        }
        output.WriteLine($"MRD golden parity: worst relative error {worst:G3} (entries with |expected| > 1e-3) over 3 iterations, at {worstAt}");
    }

    // Element-wise, as the engine's parity tests (shared with MethodsGoldenTests): |a - e| <= 1e-5 |e|, or <= 1e-6 absolute for
    // entries near zero. Returns the largest relative error over entries with |e| > 1e-3.
    internal static double Check(string what, float[] actual, float[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double e = expected[i], abs = Math.Abs(actual[i] - e);
            Assert.True(abs <= AbsoluteFloor || abs <= Tolerance * Math.Abs(e),
                $"{what}[{i}]: {actual[i]:R} vs PyTorch {expected[i]:R} (relative error {abs / Math.Abs(e):G3})");
            if (Math.Abs(e) > 1e-3) worst = Math.Max(worst, abs / Math.Abs(e));
        }
        return worst;
    }
}
