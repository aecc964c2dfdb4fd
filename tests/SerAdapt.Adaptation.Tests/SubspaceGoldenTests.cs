using SerAdapt.Engine;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// RSD and DARE-GRAM against PyTorch 1.13: three training iterations of MSE + distance with one Adam on a
/// tiny 12-wide network (tests/golden/make_golden.py --subspace, "subspace.safetensors"); every parameter,
/// BatchNorm running statistic and loss after every iteration within 1e-5 relative (1e-6 absolute for
/// entries near zero), as <see cref="MrdGoldenTests"/>.
/// </summary>
public class SubspaceGoldenTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("rsd")]
    [InlineData("daregram")]
    public void ThreeIterations_MatchPyTorchWithin1e5Relative(string method)
    {
        var golden = SafeTensors.Read(Path.Combine(AppContext.BaseDirectory, "Golden", "subspace.safetensors")).Tensors;
        var e = MrdGoldenTests.Network(MrdGoldenTests.Blocks(MrdGoldenTests.Block(6, 12)), MrdGoldenTests.Blocks(MrdGoldenTests.Block(12, 12)));
        var r = MrdGoldenTests.Network(MrdGoldenTests.Blocks(MrdGoldenTests.Block(12, 4)), [new Linear(4, 1, new Rng(0))]);
        var nets = new[] { ("E", e), ("R", r) };
        foreach (var (name, net) in nets) net.LoadStateDict(golden, $"{method}.init.{name}.");
        var xs = golden[$"{method}.xs"].ToMatrix();
        var ys = golden[$"{method}.ys"].ToMatrix();
        var xt = golden[$"{method}.xt"].ToMatrix();
        Loss distance = method == "rsd" ? new RsdLoss(0.1) : new DareGramLoss(1, 0.01, 0.9);
        var step = new AlignmentStep(e, r, distance, 1f);
        var adam = new Adam(e.Parameters().Concat(r.Parameters()), 1e-3f);
        double worst = 0;
        string worstAt = "";
        void Compare(string what, float[] actual)
        {
            double error = MrdGoldenTests.Check(what, actual, golden[$"{method}.{what}"].Values);
            if (error > worst) (worst, worstAt) = (error, what);
        }

        for (int it = 1; it <= 3; it++)
        {
            adam.ZeroGrad();
            var (mse, d) = step.AccumulateGradients(xs, ys, xt);
            adam.Step();
            Compare($"iter{it}.mse", [mse]);
            Compare($"iter{it}.distance", [d]);
            foreach (var (name, net) in nets)
                foreach (var (key, value) in net.StateDict())
                    Compare($"iter{it}.{name}.{key}", value.Values);
        }
        output.WriteLine($"{method} golden parity: worst relative error {worst:G3} (entries with |expected| > 1e-3) over 3 iterations, at {worstAt}");
    }
}
