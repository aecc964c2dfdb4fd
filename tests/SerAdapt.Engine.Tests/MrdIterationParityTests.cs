using System.Numerics.Tensors;
using Xunit.Abstractions;

namespace SerAdapt.Engine.Tests;

/// <summary>
/// Three full MRD iterations (Interspeech 2019; GUIDE.md section 3) written out with the engine's
/// API and checked against PyTorch 1.13 (Golden/mrd.safetensors): every weight and running
/// statistic of E, R1 and R2 after every step. An Adaptation test can mirror this file.
/// Tiny network: E = 6 -> 5 -> 4, R1 = one hidden block + Linear 4 -> 1, R2 = two hidden blocks
/// + Linear 4 -> 1; each block Linear(bias: false) -> BatchNorm1d -> SELU -> Dropout(p = 0).
/// </summary>
public class MrdIterationParityTests(ITestOutputHelper output)
{
    private const int EncoderSteps = 3;

    private readonly Golden _golden = Golden.Load("mrd.safetensors");

    private static Module[] Block(int inFeatures, int outFeatures, Rng rng) =>
        [new Linear(inFeatures, outFeatures, rng, bias: false), new BatchNorm1d(outFeatures), new Selu(), new Dropout(rng, p: 0f)];

    [Fact]
    public void ThreeIterations_MatchPyTorch()
    {
        var rng = new Rng(1); // weights come from the fixture; the generator only feeds the constructors
        var e = new Sequential([.. Block(6, 5, rng), .. Block(5, 4, rng)]);
        var r1 = new Sequential([.. Block(4, 4, rng), new Linear(4, 1, rng)]);
        var r2 = new Sequential([.. Block(4, 4, rng), .. Block(4, 4, rng), new Linear(4, 1, rng)]);
        var nets = new (string Name, Module Net)[] { ("E", e), ("R1", r1), ("R2", r2) };
        foreach (var (name, net) in nets)
            net.LoadStateDict(_golden.File.Tensors, $"mrd.init.{name}.");

        var xs = _golden.Matrix("mrd.xs");
        var ys = _golden.Matrix("mrd.ys");
        var xt = _golden.Matrix("mrd.xt");
        var optE = new Adam(e.Parameters(), learningRate: 1e-3);
        var optR = new Adam([.. r1.Parameters(), .. r2.Parameters()], learningRate: 1e-3);
        var mse1 = new MseLoss();
        var mse2 = new MseLoss();
        var dis = new L1DiscrepancyLoss();
        Matrix? dh = null;

        // dL/dh from both heads, summed into dh (the encoder output is shared by R1 and R2).
        Matrix SumHeadGradients(Matrix d1, Matrix d2)
        {
            if (dh is null || dh.Rows != d1.Rows)
                dh = new Matrix(d1.Rows, d1.Cols);
            TensorPrimitives.Add(d1.Span, d2.Span, dh.Span);
            return dh;
        }

        for (int it = 1; it <= 3; it++)
        {
            // Step 1: E, R1, R2 minimise MSE(f1(xs), ys) + MSE(f2(xs), ys).
            optE.ZeroGrad();
            optR.ZeroGrad();
            var hs = e.Forward(xs);
            float loss1 = mse1.Forward(r1.Forward(hs), ys) + mse2.Forward(r2.Forward(hs), ys);
            mse1.Backward();
            mse2.Backward();
            e.BackwardWithoutInputGradient(SumHeadGradients(r1.Backward(mse1.GradA), r2.Backward(mse2.GradA)));
            optE.Step();
            optR.Step();
            _golden.AssertClose($"mrd.iter{it}.step1.loss", loss1);
            AssertState($"iter{it}.step1", nets);

            // Step 2: E fixed; R1, R2 minimise MSE_s - L_dis(xt). Source, then target, each its own pass.
            optR.ZeroGrad();
            hs = e.Forward(xs);
            float lossS = mse1.Forward(r1.Forward(hs), ys) + mse2.Forward(r2.Forward(hs), ys);
            mse1.Backward();
            mse2.Backward();
            r1.BackwardWithoutInputGradient(mse1.GradA);
            r2.BackwardWithoutInputGradient(mse2.GradA);
            var ht = e.Forward(xt);
            float lossDis = dis.Forward(r1.Forward(ht), r2.Forward(ht));
            dis.Backward(scale: -1f);
            r1.BackwardWithoutInputGradient(dis.GradA);
            r2.BackwardWithoutInputGradient(dis.GradB);
            optR.Step();
            _golden.AssertClose($"mrd.iter{it}.step2.loss_mse", lossS);
            _golden.AssertClose($"mrd.iter{it}.step2.loss_dis", lossDis);
            AssertState($"iter{it}.step2", nets);

            // Step 3: R1, R2 fixed (frozen: no parameter gradients, gradients still flow); E minimises L_dis(xt), m times.
            r1.Frozen = true;
            r2.Frozen = true;
            for (int k = 1; k <= EncoderSteps; k++)
            {
                optE.ZeroGrad();
                ht = e.Forward(xt);
                lossDis = dis.Forward(r1.Forward(ht), r2.Forward(ht));
                dis.Backward();
                e.BackwardWithoutInputGradient(SumHeadGradients(r1.Backward(dis.GradA), r2.Backward(dis.GradB)));
                optE.Step();
                _golden.AssertClose($"mrd.iter{it}.step3.{k}.loss_dis", lossDis);
                AssertState($"iter{it}.step3.{k}", nets);
            }
            r1.Frozen = false;
            r2.Frozen = false;
        }
        output.WriteLine(_golden.Summary);
    }

    private void AssertState(string stage, (string Name, Module Net)[] nets)
    {
        foreach (var (name, net) in nets)
            foreach (var (key, tensor) in net.NamedState())
                _golden.AssertClose($"mrd.{stage}.{name}.{key}", tensor.Value);
    }
}
