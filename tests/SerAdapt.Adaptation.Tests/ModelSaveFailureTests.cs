using SerAdapt.Adaptation;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

/// <summary>A trained model is never lost to a failed save: it is kept in a temporary folder that the error names.</summary>
public sealed class ModelSaveFailureTests : IDisposable
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
}
