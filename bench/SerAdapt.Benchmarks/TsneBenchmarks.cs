using BenchmarkDotNet.Attributes;
using SerAdapt.Engine;
using SerAdapt.Evaluation;

namespace SerAdapt.Benchmarks;

/// <summary>
/// t-SNE of encoder-sized inputs (1024 dimensions, reduced to 50 by PCA first): ten Gaussian blobs,
/// the full 1000-iteration schedule. Run: --filter '*Tsne*'.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class TsneBenchmarks
{
    private Matrix _data = null!;

    [Params(2000, 8000)]
    public int Points { get; set; }

    [Params(TsneMethod.BarnesHut)]
    public TsneMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        const int dims = 1024, blobs = 10;
        var centres = new double[blobs, dims];
        for (int b = 0; b < blobs; b++)
            for (int d = 0; d < dims; d++)
                centres[b, d] = 0.5 * Gaussian(random);
        _data = new Matrix(Points, dims);
        for (int i = 0; i < Points; i++)
            for (int d = 0; d < dims; d++)
                _data[i, d] = (float)(centres[i % blobs, d] + Gaussian(random));
    }

    [Benchmark]
    public Matrix Embed() => Tsne.Embed(_data, new TsneOptions(Method: Method), seed: 1);

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
