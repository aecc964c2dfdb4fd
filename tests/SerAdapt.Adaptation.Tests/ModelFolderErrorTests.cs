using SerAdapt.Adaptation;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

/// <summary>Model folder errors: a failed save keeps the model in a temp folder the error names; a broken model.json names what is wrong.</summary>
public sealed class ModelFolderErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-savefail").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SaveOrKeep_UnwritableFolder_KeepsTheModelInATempFolderAndSaysWhere()
    {
        var model = ValenceModel.Create("test", new NetworkArchitecture(4, 8, 1, [new HeadShape("regressor", 1)], 0f), new Rng(1));
        File.WriteAllText(Path.Combine(_dir, "blocker"), "");
        var ex = Assert.Throws<ModelSaveException>(() => model.SaveOrKeep(Path.Combine(_dir, "blocker", "model")));
        try
        {
            Assert.Contains(Path.Combine(_dir, "blocker", "model"), ex.Message);
            Assert.Contains(ex.KeptIn, ex.Message);
            Assert.Equal("test", ValenceModel.Load(ex.KeptIn).Method);
        }
        finally
        {
            Directory.Delete(ex.KeptIn, recursive: true);
        }
    }

    [Fact]
    public void Load_EmptyJsonObject_NamesTheMissingKey()
    {
        string model = Path.Combine(_dir, "model");
        ValenceModel.Create("test", new NetworkArchitecture(4, 8, 1, [new HeadShape("regressor", 1)], 0f), new Rng(1)).Save(model);
        File.WriteAllText(Path.Combine(model, "model.json"), "{}");
        var ex = Assert.Throws<ModelFormatException>(() => ValenceModel.Load(model));
        Assert.Contains("\"formatVersion\" is missing", ex.Message);
    }
}
