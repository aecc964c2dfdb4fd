using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

/// <summary>
/// The DANN, Deep CORAL, DAN, RSD and DARE-GRAM batch steps accumulate the gradients of the losses their papers define,
/// checked against central finite differences of those losses (training-mode forwards, no dropout).
/// </summary>
public class StepGradientTests
{
    private const float H = 2e-3f;

    private static Matrix Random(Rng rng, int rows, int cols, float shift = 0)
    {
        var m = new Matrix(rows, cols);
        rng.FillNormal(m.Span, shift, 1f);
        return m;
    }

    private static (Sequential E, Sequential R, Matrix Xs, Matrix Ys, Matrix Xt) Setup(int seed)
    {
        var rng = new Rng((ulong)seed);
        var e = Networks.Encoder(5, 6, 2, 0f, rng.Child("e"), rng.Child("d"));
        var r = Networks.Regressor("r", 6, 2, 0f, rng.Child("r"), rng.Child("d"));
        var ys = Random(rng, 12, 1);
        return (e, r, Random(rng, 12, 5), ys, Random(rng, 10, 5, 0.7f));
    }

    // Every parameter element of the networks: analytic gradient vs (f(p + h) - f(p - h)) / 2h.
    private static void AssertGradients(IEnumerable<(string Name, Parameter P)> parameters, Func<string, double> expectedLoss, float h = H)
    {
        int checkedCount = 0;
        foreach (var (name, p) in parameters)
        {
            var value = p.Value.Span;
            for (int i = 0; i < value.Length; i++)
            {
                float saved = value[i];
                value[i] = saved + h;
                double plus = expectedLoss(name);
                value[i] = saved - h;
                double minus = expectedLoss(name);
                value[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                double analytic = p.Grad.Span[i];
                Assert.True(Math.Abs(numeric - analytic) <= 2e-3 + 0.03 * Math.Abs(numeric),
                    $"{name}[{i}]: analytic {analytic:G5}, finite differences {numeric:G5}");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 100);
    }

    [Fact]
    public void AlignmentStep_WithCoral_GradientsMatchFiniteDifferencesOfMsePlusLambdaCoral()
    {
        var (e, r, xs, ys, xt) = Setup(1);
        const float lambda = 2.5f;
        var step = new AlignmentStep(e, r, new CoralLoss(), lambda);
        e.ZeroGrad();
        r.ZeroGrad();
        step.AccumulateGradients(xs, ys, xt);

        var mse = new MseLoss();
        var coral = new CoralLoss();
        double Loss(string _)
        {
            var hs = e.Forward(xs).Clone();
            double l = mse.Forward(r.Forward(hs), ys);
            return l + lambda * coral.Forward(hs, e.Forward(xt));
        }
        AssertGradients(e.NamedParameters("E.").Concat(r.NamedParameters("R.")), Loss);
    }

    [Fact]
    public void AlignmentStep_WithMmd_GradientsMatchFiniteDifferencesOfMsePlusLambdaMmd()
    {
        var (e, r, xs, ys, xt) = Setup(3);
        const float lambda = 1.5f;
        // The bandwidth is detached in training; pinned here so that finite differences see the same function.
        var step = new AlignmentStep(e, r, new MmdLoss(3, 2.0) { FixedBandwidth = 0.8 }, lambda);
        e.ZeroGrad();
        r.ZeroGrad();
        step.AccumulateGradients(xs, ys, xt);

        var mse = new MseLoss();
        var mmd = new MmdLoss(3, 2.0) { FixedBandwidth = 0.8 };
        double Loss(string _)
        {
            var hs = e.Forward(xs).Clone();
            double l = mse.Forward(r.Forward(hs), ys);
            return l + lambda * mmd.Forward(hs, e.Forward(xt));
        }
        AssertGradients(e.NamedParameters("E.").Concat(r.NamedParameters("R.")), Loss);
    }

    [Fact]
    public void AlignmentStep_WithRsd_GradientsMatchFiniteDifferencesOfMsePlusLambdaRsd()
    {
        // Equal batches of 4 in a 12-wide encoding (RSD needs width >= 2 x batch to be informative).
        var rng = new Rng(7);
        var e = Networks.Encoder(5, 12, 2, 0f, rng.Child("e"), rng.Child("d"));
        var r = Networks.Regressor("r", 12, 2, 0f, rng.Child("r"), rng.Child("d"));
        var (xs, ys, xt) = (Random(rng, 4, 5), Random(rng, 4, 1), Random(rng, 4, 5, 0.7f));
        const float lambda = 0.7f;
        var step = new AlignmentStep(e, r, new RsdLoss(0.2), lambda);
        e.ZeroGrad();
        r.ZeroGrad();
        step.AccumulateGradients(xs, ys, xt);

        var mse = new MseLoss();
        var rsd = new RsdLoss(0.2);
        double Loss(string _)
        {
            var hs = e.Forward(xs).Clone();
            double l = mse.Forward(r.Forward(hs), ys);
            return l + lambda * rsd.Forward(hs, e.Forward(xt));
        }
        // BatchNorm centres each column over the 4 rows and SELU is linear for positive inputs, so the
        // encodings are close to rank 3 and the subspace basis turns fast: a smaller step keeps the
        // finite differences' truncation error below the tolerance.
        AssertGradients(e.NamedParameters("E.").Concat(r.NamedParameters("R.")), Loss, h: 2e-4f);
    }

    [Fact]
    public void AlignmentStep_WithDareGram_GradientsMatchFiniteDifferencesOfMsePlusDareGram()
    {
        var (e, r, xs, ys, xt) = Setup(5);
        var step = new AlignmentStep(e, r, new DareGramLoss(1, 0.05, 0.95), 1f);
        e.ZeroGrad();
        r.ZeroGrad();
        step.AccumulateGradients(xs, ys, xt);

        var mse = new MseLoss();
        var gram = new DareGramLoss(1, 0.05, 0.95);
        double Loss(string _)
        {
            var hs = e.Forward(xs).Clone();
            double l = mse.Forward(r.Forward(hs), ys);
            return l + gram.Forward(hs, e.Forward(xt));
        }
        AssertGradients(e.NamedParameters("E.").Concat(r.NamedParameters("R.")), Loss);
    }

    [Fact]
    public void DannStep_GradientsMatchFiniteDifferences_EncoderGetsReversedDomainGradient()
    {
        var (e, r, xs, ys, xt) = Setup(2);
        var rng = new Rng(9);
        var d = Networks.Discriminator(6, 5, 2, 0f, rng.Child("init"), rng.Child("dropout"));
        const float lambda = 0.6f;
        var step = new DannStep(e, r, d);
        foreach (var net in new[] { e, r, d }) net.ZeroGrad();
        step.AccumulateGradients(xs, ys, xt, lambda);

        var mse = new MseLoss();
        var bce = new BceWithLogitsLoss();
        var zeros = new Matrix(xs.Rows, 1);
        var ones = new Matrix(xt.Rows, 1);
        ones.Span.Fill(1f);
        double Regression() => mse.Forward(r.Forward(e.Forward(xs)), ys);
        double Domain() => 0.5 * bce.Forward(d.Forward(e.Forward(xs)), zeros) + 0.5 * bce.Forward(d.Forward(e.Forward(xt)), ones);
        // E minimises MSE - lambda L_d (gradient reversal); R minimises MSE; D minimises L_d.
        double Loss(string name) => name[0] switch
        {
            'E' => Regression() - lambda * Domain(),
            'R' => Regression(),
            _ => Domain(),
        };
        AssertGradients(e.NamedParameters("E.").Concat(r.NamedParameters("R.")).Concat(d.NamedParameters("D.")), Loss);
    }

    [Fact]
    public void ForwardReplay_RepeatsTrainingForwardBitwise_WithoutMovingRunningStatistics()
    {
        var rng = new Rng(4);
        var e = Networks.Encoder(5, 8, 2, 0.5f, rng.Child("init"), rng.Child("dropout"));
        var x = Random(rng, 16, 5);
        var replay = new ForwardReplay(e);
        var first = e.Forward(x).Clone();
        replay.Capture();
        e.Forward(Random(rng, 16, 5));
        var stats = e.NamedBuffers().Select(b => b.Buffer.Value.Span.ToArray()).ToList();
        var again = replay.Replay(x);
        Assert.Equal(first.Span.ToArray(), again.Span.ToArray());
        Assert.Equal(stats, e.NamedBuffers().Select(b => b.Buffer.Value.Span.ToArray()).ToList());
        // After the replay, dropout draws new masks again.
        Assert.NotEqual(first.Span.ToArray(), e.Forward(x).Span.ToArray());
    }
}
