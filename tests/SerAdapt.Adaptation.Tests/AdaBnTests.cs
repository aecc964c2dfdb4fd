using SerAdapt.Engine;
using SerAdapt.Evaluation;
using Xunit.Abstractions;

namespace SerAdapt.Adaptation.Tests;

public class AdaBnTests(ITestOutputHelper output)
{
    [Fact]
    public void UseTargetStatistics_RunningStatsEqualTargetBatchStatistics_AndNothingElseChanges()
    {
        var architecture = new NetworkArchitecture(SyntheticPair.Dimension, 16, 2, [new HeadShape("regressor", 3)], 0.5f);
        var model = ValenceModel.Create("adabn", architecture, new Rng(3));
        var batchNorms = AllModules(model).OfType<BatchNorm1d>().ToList();
        Assert.Equal(4, batchNorms.Count);
        foreach (var bn in batchNorms)
        {
            bn.RunningMean.Value.Span.Fill(0.3f);
            bn.RunningVar.Value.Span.Fill(2f);
        }
        var parameters = model.EncoderNetwork.NamedParameters("encoder.").Concat(model.HeadNetworks[0].NamedParameters("regressor."))
            .ToDictionary(p => p.Name, p => p.Parameter.Value.Span.ToArray());
        var (_, target) = SyntheticPair.Create(64, 1100);  // more rows than one inference chunk

        AdaBn.UseTargetStatistics(model, target.Features);
        var adapted = batchNorms.Select(bn => (Mean: bn.RunningMean.Value.Span.ToArray(), Var: bn.RunningVar.Value.Span.ToArray())).ToList();

        foreach (var (name, p) in model.EncoderNetwork.NamedParameters("encoder.").Concat(model.HeadNetworks[0].NamedParameters("regressor.")))
            Assert.Equal(parameters[name], p.Value.Span.ToArray());
        Assert.True(model.EncoderNetwork.IsTraining);

        // Independently: the whole target as one batch, BatchNorms in training mode (batch statistics),
        // dropout off; each BatchNorm's input statistics in double.
        foreach (var m in AllModules(model)) m.SetTraining(m is BatchNorm1d);
        var x = target.Features;
        int k = 0;
        foreach (var m in AllModules(model))
        {
            if (m is BatchNorm1d bn)
            {
                for (int j = 0; j < bn.Features; j++)
                {
                    double mean = 0, sq = 0;
                    for (int r = 0; r < x.Rows; r++) mean += x[r, j];
                    mean /= x.Rows;
                    for (int r = 0; r < x.Rows; r++) sq += (x[r, j] - mean) * (x[r, j] - mean);
                    Assert.Equal(mean, adapted[k].Mean[j], 1e-4);
                    Assert.Equal(sq / x.Rows, adapted[k].Var[j], 1e-4 * Math.Max(1, sq / x.Rows));
                }
                k++;
            }
            x = m.Forward(x);
        }
        Assert.Equal(4, k);
    }

    [Fact]
    public void Fit_AffineShiftedTarget_BeatsSourceOnly()
    {
        // Target = 2 z + 1.5 per feature, source = z, same labelling function: the first BatchNorm with the
        // target's statistics undoes the shift exactly, which is AdaBN's claim (Li et al., Sec. 3).
        var (source, target) = AffinePair(300, 300, scale: 2.0, shift: 1.5);
        var options = SyntheticPair.SmallOptions(8);
        var plain = new SourceOnly(new SourceOnlyOptions(2)).Fit(source, target, options);
        var adabn = new AdaBn(new SourceOnlyOptions(2)).Fit(source, target, options);
        double cccPlain = RegressionMetrics.Ccc(plain.TargetPredictions, target.Labels!);
        double cccAdaBn = RegressionMetrics.Ccc(adabn.TargetPredictions, target.Labels!);
        output.WriteLine($"target CCC: source-only {cccPlain:F3}, adabn {cccAdaBn:F3}");
        Assert.True(cccAdaBn > cccPlain + 0.1, $"adabn {cccAdaBn:F3} vs source-only {cccPlain:F3}");
        Assert.Equal("300", adabn.Model.Info["adabn_rows"]);
    }

    internal static (DomainData Source, DomainData Target) AffinePair(int sourceRows, int targetRows, double scale, double shift, int seed = 2)
    {
        var rng = new Random(seed);
        var w = new[] { 0.9, -0.6, 0.5, 0.0, 0.3, 0.0, -0.4, 0.2 };
        DomainData Domain(int rows, double a, double b)
        {
            var x = new Matrix(rows, w.Length);
            var y = new float[rows];
            for (int r = 0; r < rows; r++)
            {
                double s = 0;
                for (int c = 0; c < w.Length; c++)
                {
                    double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    s += w[c] * z;
                    x[r, c] = (float)(a * z + b);
                }
                y[r] = (float)(3 + Math.Tanh(s));
            }
            return new DomainData(x, y, Enumerable.Range(0, rows).Select(r => r % 3).ToArray());
        }
        return (Domain(sourceRows, 1, 0), Domain(targetRows, scale, shift));
    }

    private static IEnumerable<Module> AllModules(ValenceModel model) =>
        model.EncoderNetwork.Modules.Concat(model.HeadNetworks.SelectMany(h => h.Modules));
}
