namespace SerAdapt.Data.Tests;

public class RidgeRegressionTests
{
    private static Corpus Linear(int n, int d, int seed, out float[] weights)
    {
        var rng = new Random(seed);
        var w = Enumerable.Range(0, d).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var x = new float[n * d];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            double s = 2;
            for (int j = 0; j < d; j++) { x[i * d + j] = (float)(rng.NextDouble() * 2 - 1); s += w[j] * x[i * d + j]; }
            y[i] = (float)s;
        }
        weights = w;
        return new Corpus("lin", Enumerable.Range(0, n).Select(i => $"u{i}").ToArray(), Enumerable.Range(0, d).Select(j => $"f{j}").ToArray(),
            x, y, new float[n], new float[n], Enumerable.Range(0, n).Select(i => $"s{i % 3}").ToArray(),
            Enumerable.Range(0, n).Select(i => $"{i % 3}").ToArray(), new string[n].Select(_ => "").ToArray());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(33)]
    public void Fit_ExactLinearData_RecoversWeightsAndBias(int d)
    {
        var c = Linear(200, d, d, out var w);
        var model = RidgeRegression.Fit(c, c.Valence, 1e-9);
        for (int j = 0; j < d; j++) Assert.Equal(w[j], model.Weights[j], 4);
        Assert.Equal(2, model.Bias, 4);
    }

    [Fact]
    public void Fit_LeavingOutAGroup_EqualsFitOnTheOtherRows()
    {
        var c = Linear(90, 5, 1, out _);
        var noisy = c.Valence.Select((v, i) => v + (i % 7 - 3) * 0.1f).ToArray();
        var ridge = new RidgeRegression(c, noisy, c.Sessions);
        var held = ridge.Fit(0.1, "1");
        var rows = Enumerable.Range(0, c.Count).Where(i => c.Sessions[i] != "1").ToArray();
        var sub = c.Subset(rows);
        var direct = RidgeRegression.Fit(sub, rows.Select(i => noisy[i]).ToArray(), 0.1);
        for (int j = 0; j < 5; j++) Assert.Equal(direct.Weights[j], held.Weights[j], 8);
        Assert.Equal(direct.Bias, held.Bias, 8);
    }

    [Fact]
    public void Fit_LargePenalty_ShrinksTowardsMean()
    {
        var c = Linear(100, 4, 2, out _);
        var model = RidgeRegression.Fit(c, c.Valence, 1e6);
        Assert.All(model.Weights, w => Assert.True(Math.Abs(w) < 1e-4));
        Assert.Equal(c.Valence.Average(v => (double)v), model.Bias, 3);
    }
}
