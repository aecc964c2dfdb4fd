using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SerAdapt.Adaptation.Export;

namespace SerAdapt.Adaptation.Tests;

public class OnnxExporterTests
{
    private static DenseLayer RandomLayer(Random rng, int inputs, int outputs, bool selu)
    {
        var w = new float[inputs * outputs];
        var b = new float[outputs];
        for (int i = 0; i < w.Length; i++) w[i] = (float)(rng.NextDouble() * 2 - 1) / MathF.Sqrt(inputs);
        for (int i = 0; i < b.Length; i++) b[i] = (float)(rng.NextDouble() - 0.5);
        return new DenseLayer(inputs, outputs, w, b, selu);
    }

    private static double[] Apply(IEnumerable<DenseLayer> layers, double[] x)
    {
        foreach (var layer in layers)
        {
            var y = new double[layer.Out];
            for (int o = 0; o < layer.Out; o++)
            {
                double s = layer.Bias[o];
                for (int i = 0; i < layer.In; i++) s += layer.Weight[o * layer.In + i] * x[i];
                y[o] = layer.Selu ? 1.0507009873554805 * (s > 0 ? s : 1.6732632423543772 * (Math.Exp(s) - 1)) : s;
            }
            x = y;
        }
        return x;
    }

    [Fact]
    public void Build_TwoHeads_OnnxRuntimeMatchesReferenceWithin1e4()
    {
        var rng = new Random(7);
        var encoder = new[] { RandomLayer(rng, 5, 8, true), RandomLayer(rng, 8, 6, true) };
        var head1 = new[] { RandomLayer(rng, 6, 4, true), RandomLayer(rng, 4, 1, false) };
        var head2 = new[] { RandomLayer(rng, 6, 4, true), RandomLayer(rng, 4, 4, true), RandomLayer(rng, 4, 1, false) };
        byte[] model = OnnxExporter.Build(encoder, [head1, head2], new Dictionary<string, string> { ["method"] = "mrd" });

        const int n = 3;
        var input = new DenseTensor<float>([n, 5]);
        for (int r = 0; r < n; r++)
            for (int c = 0; c < 5; c++) input[r, c] = (float)(rng.NextDouble() * 4 - 2);

        using var session = new InferenceSession(model);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("features", input)]);
        var prediction = results.Single(r => r.Name == "prediction").AsTensor<float>();
        var f1 = results.Single(r => r.Name == "f1").AsTensor<float>();
        var f2 = results.Single(r => r.Name == "f2").AsTensor<float>();

        for (int r = 0; r < n; r++)
        {
            var x = Enumerable.Range(0, 5).Select(c => (double)input[r, c]).ToArray();
            double e1 = Apply(encoder.Concat(head1), x)[0];
            double e2 = Apply(encoder.Concat(head2), x)[0];
            Assert.Equal(e1, f1[r, 0], 1e-4);
            Assert.Equal(e2, f2[r, 0], 1e-4);
            Assert.Equal((e1 + e2) / 2, prediction[r, 0], 1e-4);
        }
        Assert.Equal("mrd", session.ModelMetadata.CustomMetadataMap["method"]);
    }

    [Fact]
    public void FoldInputNormalisation_EqualsNormalisingFirst()
    {
        var rng = new Random(3);
        var layer = RandomLayer(rng, 4, 3, false);
        float[] mean = [1f, -2f, 0.5f, 3f], std = [2f, 0.5f, 1f, 4f];
        double[] x = [0.3, 1.7, -2.2, 5.0];
        double[] normalised = x.Select((v, i) => (v - mean[i]) / std[i]).ToArray();
        var expected = Apply([layer], normalised);
        var actual = Apply([layer.FoldInputNormalisation(mean, std)], x);
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], actual[i], 1e-5);
    }

    [Fact]
    public void FoldBatchNorm_EqualsEvalModeBatchNorm()
    {
        var rng = new Random(5);
        var layer = RandomLayer(rng, 4, 3, true);
        float[] gamma = [1.5f, 0.7f, -0.2f], beta = [0.1f, -0.3f, 0.9f], rm = [0.2f, -1f, 0.4f], rv = [1.3f, 0.25f, 2f];
        double[] x = [0.3, 1.7, -2.2, 5.0];
        var linear = Apply([layer with { Selu = false }], x);
        var bn = linear.Select((z, o) => gamma[o] * (z - rm[o]) / Math.Sqrt(rv[o] + 1e-5) + beta[o]).ToArray();
        var expected = bn.Select(s => 1.0507009873554805 * (s > 0 ? s : 1.6732632423543772 * (Math.Exp(s) - 1))).ToArray();
        var actual = Apply([layer.FoldBatchNorm(gamma, beta, rm, rv)], x);
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], actual[i], 1e-5);
    }
}
