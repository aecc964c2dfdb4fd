using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SerAdapt.Adaptation;

namespace SerAdapt.Cli.Tests;

/// <summary><c>train</c> records in model.json what reproducing the model takes: version, machine, corpus checksums.</summary>
public sealed class TrainRecordTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-trainrecord").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Corpus(string name, int rows)
    {
        var text = new StringBuilder("id,session,valence,f0,f1\n");
        for (int i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"{name}{i},s{i % 2},{1 + i % 5},{i * 0.1:R},{(i % 7) * 0.3:R}\n");
        Directory.CreateDirectory(Path.Combine(_dir, "data"));
        string path = Path.Combine(_dir, "data", name + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Train_ModelJson_RecordsVersionMachineAndCorpusChecksums_AndKeepsThemThroughLoadAndSave()
    {
        string source = Corpus("a", 40), target = Corpus("b", 30), model = Path.Combine(_dir, "models", "m");
        var (code, _, error) = CliHarness.Run("train", "--method", "source-only", "--source", source, "--target", target,
            "-o", model, "--epochs", "1", "--width", "8", "--encoder-layers", "1", "--batch-size", "16");
        Assert.True(code == 0, error);

        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "model.json")))!["record"]!;
        foreach (var (role, file, rows) in new[] { ("source", source, 40), ("target", target, 30) })
        {
            var corpus = record["corpora"]![role]!;
            Assert.Equal(Path.Combine("..", "..", "data", Path.GetFileName(file)), corpus["path"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), corpus["sha256"]!.GetValue<string>());
            Assert.Equal(rows, corpus["rows"]!.GetValue<int>());
        }
        Assert.Equal(Environment.ProcessorCount, record["machine"]!["cores"]!.GetValue<int>());
        Assert.Equal(SerAdapt.Engine.Gemm.Kernel.ToString(), record["machine"]!["gemm-kernel"]!.GetValue<string>());
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, record["dotnet"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(record["version"]!.GetValue<string>()));

        // A loaded and saved again model keeps its record (as an object, not a string).
        string copy = Path.Combine(_dir, "models", "copy");
        ValenceModel.Load(model).Save(copy);
        Assert.True(JsonNode.DeepEquals(record, JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "model.json")))!["record"]));
    }

    [Fact]
    public void Train_TwoSources_RecordsEachSourceCorpusChecksum()
    {
        string a = Corpus("a", 40), c = Corpus("c", 36), target = Corpus("b", 30), model = Path.Combine(_dir, "models", "m");
        var (code, _, error) = CliHarness.Run("train", "--method", "source-only", "--source", a, c, "--target", target,
            "-o", model, "--epochs", "1", "--width", "8", "--encoder-layers", "1", "--batch-size", "16");
        Assert.True(code == 0, error);

        var corpora = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "model.json")))!["record"]!["corpora"]!.AsObject();
        Assert.Equal(["source-1", "source-2", "target"], corpora.Select(kv => kv.Key).Order());
        foreach (var (role, file, rows) in new[] { ("source-1", a, 40), ("source-2", c, 36) })
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), corpora[role]!["sha256"]!.GetValue<string>());
            Assert.Equal(rows, corpora[role]!["rows"]!.GetValue<int>());
        }
    }
}
