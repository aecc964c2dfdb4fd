namespace SerAdapt.Cli.Tests;

/// <summary>train, synth, predict and extract refuse to replace an existing output without --force, as demo, experiment, tsne and merge do.</summary>
public sealed class ExistingOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-existing").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Existing(string name)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, "earlier work");
        return path;
    }

    private void AssertRefused(string path, params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.NotEqual(0, code);
        Assert.Contains("--force", error);
        Assert.Equal("earlier work", File.ReadAllText(path));
    }

    [Fact]
    public void Predict_ExistingOutput_RefusedWithoutForce()
    {
        string output = Existing("pred.csv");
        AssertRefused(output, "predict", "--model", Path.Combine(_dir, "model"), Path.Combine(_dir, "in.csv"), "-o", output);
    }

    [Fact]
    public void Extract_ExistingOutput_RefusedWithoutForce()
    {
        string output = Existing("features.arff");
        AssertRefused(output, "extract", Path.Combine(_dir, "in.wav"), "-o", output);
    }

    [Fact]
    public void Synth_ExistingCorpora_RefusedWithoutForce()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "synth"));
        string source = Path.Combine(_dir, "synth", SerAdapt.Cli.Commands.SynthCommand.SourceFile);
        File.WriteAllText(source, "earlier work");
        AssertRefused(source, "synth", "-o", Path.Combine(_dir, "synth"));
    }

    [Fact]
    public void Train_ExistingModelFolder_RefusedWithoutForce()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "model"));
        string json = Path.Combine(_dir, "model", "model.json");
        File.WriteAllText(json, "earlier work");
        AssertRefused(json, "train", "--method", "source-only", "--source", Path.Combine(_dir, "a.csv"), "--target", Path.Combine(_dir, "b.csv"),
            "-o", Path.Combine(_dir, "model"));
    }
}
