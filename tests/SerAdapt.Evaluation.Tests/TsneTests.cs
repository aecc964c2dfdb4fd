using SerAdapt.Engine;
using Xunit.Abstractions;

namespace SerAdapt.Evaluation.Tests;

public class TsneTests(ITestOutputHelper output)
{
    [Fact]
    public void ConditionalRow_ReachesTargetPerplexity()
    {
        var random = new Random(3);
        var d = Enumerable.Range(0, 200).Select(_ => (float)(50 + 100 * random.NextDouble())).ToArray();
        var p = new double[d.Length];
        Tsne.ConditionalRow(d, 30, p);
        double entropy = -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.Equal(Math.Log(30), entropy, 4);
    }

    [Theory]
    [InlineData(TsneMethod.Exact)]
    [InlineData(TsneMethod.BarnesHut)]
    public void Embed_SeparatedBlobs_StayClustered(TsneMethod method)
    {
        var (points, labels) = SyntheticPoints.Blobs(perBlob: 100, blobs: 3, dims: 20, separation: 4, seed: 1);
        var y = Tsne.Embed(points, new TsneOptions(Method: method, Iterations: 500), seed: 5);
        double purity = SyntheticPoints.LabelPurity(y, labels, 10);
        output.WriteLine($"{method}: 10-NN label purity {purity:F4}");
        Assert.Equal((300, 2), (y.Rows, y.Cols));
        Assert.True(purity > 0.95, $"purity {purity}");
    }

    [Fact]
    public void BarnesHut_PreservesNeighboursLikeExact()
    {
        var x = SyntheticPoints.Sheet(400, 20, seed: 2);
        var exact = Tsne.Embed(x, new TsneOptions(Method: TsneMethod.Exact, Iterations: 600), seed: 9);
        var bh = Tsne.Embed(x, new TsneOptions(Method: TsneMethod.BarnesHut, Iterations: 600), seed: 9);
        double pe = SyntheticPoints.NeighbourPreservation(x, exact, 10);
        double pb = SyntheticPoints.NeighbourPreservation(x, bh, 10);
        output.WriteLine($"10-NN preservation: exact {pe:F4}, Barnes-Hut {pb:F4}");
        Assert.True(pe > 0.5, $"exact {pe}");
        Assert.True(pb > 0.5, $"Barnes-Hut {pb}");
        Assert.True(Math.Abs(pe - pb) < 0.05, $"exact {pe} vs Barnes-Hut {pb}");
    }

    [Fact]
    public void Embed_SameSeed_IsIdentical_WhateverTheParallelism()
    {
        var (points, _) = SyntheticPoints.Blobs(60, 2, 8, 3, seed: 4);
        var o = new TsneOptions(Perplexity: 10, Iterations: 120, Method: TsneMethod.BarnesHut);
        var a = Tsne.Embed(points, o, seed: 1);
        var b = Tsne.Embed(points, o with { MaxDegreeOfParallelism = 2 }, seed: 1);
        var c = Tsne.Embed(points, o, seed: 2);
        Assert.Equal(a.Span.ToArray(), b.Span.ToArray());
        Assert.NotEqual(a.Span.ToArray(), c.Span.ToArray());
    }

    [Fact]
    public void Embed_ReportsProgressToTheLastIteration()
    {
        var (points, _) = SyntheticPoints.Blobs(20, 2, 4, 3, seed: 4);
        var seen = new List<TsneProgress>();
        Tsne.Embed(points, new TsneOptions(Perplexity: 5, Iterations: 60), seed: 1, seen.Add);
        Assert.Equal([25, 50, 60], seen.Select(p => p.Iteration));
        Assert.All(seen, p => Assert.Equal(TsneMethod.Exact, p.Method));
    }

    [Fact]
    public void Embed_PerplexityTooLargeForPoints_Throws()
    {
        var (points, _) = SyntheticPoints.Blobs(5, 2, 4, 3, seed: 4);
        var e = Assert.Throws<ArgumentException>(() => Tsne.Embed(points, new TsneOptions(), seed: 1));
        Assert.Contains("10", e.Message);
    }

    [Theory]
    [InlineData(TsneMethod.Exact)]
    [InlineData(TsneMethod.BarnesHut)]
    public void Embed_ManyDuplicatePoints_StaysFinite(TsneMethod method)
    {
        var (points, _) = SyntheticPoints.Blobs(30, 2, 5, 3, seed: 8);
        for (int i = 0; i < 40; i++)
            for (int d = 0; d < 5; d++)
                points[i, d] = 1f; // 40 identical rows, more than a quadtree leaf holds
        var y = Tsne.Embed(points, new TsneOptions(Perplexity: 5, Iterations: 150, Method: method), seed: 3);
        Assert.All(y.Span.ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Embed_FewerPointsThanPcaComponents_Works()
    {
        var (points, labels) = SyntheticPoints.Blobs(15, 2, 100, 5, seed: 8);
        var y = Tsne.Embed(points, new TsneOptions(Perplexity: 5, Iterations: 300), seed: 3);
        Assert.True(SyntheticPoints.LabelPurity(y, labels, 5) > 0.9);
    }

    [Fact]
    public void Embed_Cancelled_Throws()
    {
        var (points, _) = SyntheticPoints.Blobs(20, 2, 4, 3, seed: 4);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Tsne.Embed(points, new TsneOptions(Perplexity: 5), seed: 1, cancellation: cts.Token));
    }

    [Fact]
    public void Embed_NaNInput_ThrowsNamingShape()
    {
        var (points, _) = SyntheticPoints.Blobs(20, 2, 4, 3, seed: 4);
        points[3, 1] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => Tsne.Embed(points, new TsneOptions(Perplexity: 5), seed: 1));
        Assert.Contains("(40, 4)", e.Message);
    }

    [Fact]
    public void Pca_RankThreeData_KeepsPairwiseDistances()
    {
        // Exactly rank 3 around a mean of 5 in 12 dimensions.
        var random = new Random(1);
        var clean = new Matrix(50, 12);
        var basis = new double[3, 12];
        for (int a = 0; a < 3; a++) for (int d = 0; d < 12; d++) basis[a, d] = SyntheticPoints.Gaussian(random);
        for (int i = 0; i < 50; i++)
        {
            double[] z = [SyntheticPoints.Gaussian(random), SyntheticPoints.Gaussian(random), SyntheticPoints.Gaussian(random)];
            for (int d = 0; d < 12; d++) clean[i, d] = (float)(5 + z[0] * basis[0, d] + z[1] * basis[1, d] + z[2] * basis[2, d]);
        }
        var p = Pca.Project(clean, 3, seed: 2);
        for (int i = 0; i < 50; i += 7)
            for (int j = i + 1; j < 50; j += 5)
            {
                double d0 = 0, d1 = 0;
                for (int c = 0; c < 12; c++) d0 += Math.Pow(clean[i, c] - clean[j, c], 2);
                for (int c = 0; c < 3; c++) d1 += Math.Pow(p[i, c] - p[j, c], 2);
                Assert.Equal(Math.Sqrt(d0), Math.Sqrt(d1), 3);
            }
    }
}
