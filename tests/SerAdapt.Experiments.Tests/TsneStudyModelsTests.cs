using SerAdapt.Adaptation;
using SerAdapt.Engine;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary><c>tsne --models</c> reads each model's method from its model.json instead of trusting the order.</summary>
public sealed class TsneStudyModelsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Save(string method, params string[] heads)
    {
        var architecture = new NetworkArchitecture(4, 8, 1, [.. heads.Select(h => new HeadShape(h, 1))], 0f);
        string dir = _dir.Sub(method);
        ValenceModel.Create(method, architecture, new Rng(1)).Save(dir);
        return dir;
    }

    [Fact]
    public void LoadModels_InOrder_ReturnsSourceOnlyThenMrd()
    {
        var (sourceOnly, mrd) = TsneStudy.LoadModels(Save("source-only", "regressor"), Save("mrd", "r1", "r2"));
        Assert.Equal("source-only", sourceOnly.Method);
        Assert.Equal("mrd", mrd.Method);
    }

    [Fact]
    public void LoadModels_Swapped_RefusesNamingTheFolder()
    {
        string sourceOnly = Save("source-only", "regressor"), mrd = Save("mrd", "r1", "r2");
        var ex = Assert.Throws<ArgumentException>(() => TsneStudy.LoadModels(mrd, sourceOnly));
        Assert.Contains(mrd, ex.Message);
        Assert.Contains("swapped", ex.Message);
    }

    [Fact]
    public void LoadModels_OneHeadModelWhereMrdIsNeeded_Refuses()
    {
        string sourceOnly = Save("source-only", "regressor"), dann = Save("dann", "regressor");
        var ex = Assert.Throws<ArgumentException>(() => TsneStudy.LoadModels(sourceOnly, dann));
        Assert.Contains(dann, ex.Message);
        Assert.Contains("'dann'", ex.Message);
    }
}
