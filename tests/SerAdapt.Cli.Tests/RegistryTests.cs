using System.Text.Json;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// One vocabulary: every setting the registry declares is the same word as a train/experiment flag,
/// a YAML key and a model.json key; and a method added from outside (the test project) appears in
/// all of them without any other change.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class RegistryTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>, IDisposable
{
    private static readonly MethodRegistry WithToy = MethodRegistry.Default.With(FrozenEncoder.Entry);
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-registry-test").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private static string[] Small(params string[] extra) =>
        ["--epochs", "2", "--width", "16", "--encoder-layers", "2", "--batch-size", "32", "--regressor-layers", "2",
         "--mrd-r1-layers", "2", "--mrd-r2-layers", "2", "--dann-discriminator-width", "16", "--threads", "1", .. extra];

    [Theory]
    [InlineData("train")]
    [InlineData("experiment")]
    [InlineData("tsne")]
    public void Help_HasAFlagForEverySetting(string command)
    {
        var (code, help, _) = CliHarness.Run(command, "--help");
        Assert.Equal(0, code);
        foreach (var d in MethodRegistry.Default.AllSettings)
            Assert.Contains($"--{d.Name} ", help);
    }

    [Fact]
    public void ConfigSchema_HasAKeyForEverySetting_AndParsesBack()
    {
        string schema = ExperimentConfigFile.Schema();
        foreach (var d in MethodRegistry.Default.AllSettings)
        {
            Assert.Contains(d.Name, ExperimentConfigFile.KnownKeys());
            Assert.Contains($"\n{d.Name}: {d.Format(d.Default)}   #", schema);
        }
        // The schema is itself a valid config file with the defaults.
        var parsed = ExperimentConfigFile.Parse(schema, P("schema.yaml"));
        Assert.Equal(new TrainingOptions(), parsed.Training);
        Assert.Empty(parsed with { CorpusA = "a", CorpusB = "b" } is var c ? c.DifferencesFromPaper() : []);
        Assert.Equal(schema, CliHarness.Run("config").Out);
    }

    [Theory]
    [InlineData("source-only")]
    [InlineData("train-on-target")]
    [InlineData("dann")]
    [InlineData("coral")]
    [InlineData("mrd")]
    public void ModelJson_HasEverySettingOfTheMethod_UnderItsName(string method)
    {
        var (code, _, error) = CliHarness.Run(["train", "--method", method, "--source", tiny.A, "--target", tiny.B, "-o", P("model"), .. Small("--selection", "source-val")]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(P("model"), "model.json")));
        var options = json.RootElement.GetProperty("options");
        foreach (var d in MethodRegistry.Default.TrainingSettings)
            Assert.True(options.GetProperty("training").TryGetProperty(d.Name, out _), $"training.{d.Name}");
        var own = MethodRegistry.Default[method].Settings;
        Assert.Equal(own.Select(d => d.Name), options.GetProperty("method").EnumerateObject().Select(p => p.Name));
        // Train-on-Target's final model is trained for the folds' mean epoch count (fixed); its model.json says so.
        Assert.Equal(method == "train-on-target" ? "fixed" : "source-val", options.GetProperty("training").GetProperty("selection").GetString());
        Assert.Equal("2", options.GetProperty("training").GetProperty("epochs").GetRawText());
    }

    [Fact]
    public void Experiment_SelectionSourceVal_IsTheTrainWord()
    {
        var (code, output, error) = ConsoleCapture.Run(["experiment", "--corpora", tiny.A, tiny.B, "--methods", "source-only", "--repeats", "1",
            "--directions", "a-to-b", "-o", P("exp"), .. Small("--selection", "source-val")]);
        Assert.True(code == 0, error + output);
        Assert.Contains("| selection | source-val |", File.ReadAllText(Path.Combine(P("exp"), ExperimentReport.ReportMd)));
    }

    [Fact]
    public void ToyMethod_FromTheTestProject_AppearsInHelpSchemaAndReport()
    {
        var root = SeradaptCommand.Create(WithToy);
        var (_, help, _) = CliHarness.Run(root, "train", "--help");
        Assert.Contains("frozen-encoder", help);
        Assert.Contains("--frozen-head-layers ", help);
        Assert.Contains("frozen-head-layers: 2   #", ExperimentConfigFile.Schema(WithToy));
        Assert.DoesNotContain("frozen-head-layers", ExperimentConfigFile.Schema());

        var (code, output, error) = ConsoleCapture.Run(root, ["experiment", "--corpora", tiny.A, tiny.B, "--methods", "source-only", "frozen-encoder",
            "--repeats", "1", "--directions", "a-to-b", "--frozen-head-layers", "3", "-o", P("toy"), .. Small()]);
        Assert.True(code == 0, error + output);
        string report = File.ReadAllText(Path.Combine(P("toy"), ExperimentReport.ReportMd));
        Assert.Contains("### Beyond the paper", report);
        Assert.Contains("| Frozen-encoder |", report);
        Assert.Contains("| frozen-head-layers | 3 |", report);

        var (trained, _, trainError) = CliHarness.Run(root, ["train", "--method", "frozen-encoder", "--source", tiny.A, "--target", tiny.B, "-o", P("toy-model"), .. Small()]);
        Assert.True(trained == 0, trainError);
        var model = ValenceModel.Load(P("toy-model"));
        Assert.Equal("frozen-encoder", model.Method);
        Assert.Equal(["regressor"], model.HeadNames);
        Assert.Contains("\"frozen-head-layers\":2", model.Info["options"]);
    }

    [Fact]
    public void Registry_SharedSettingDeclaredDifferently_IsRefused()
    {
        var clash = MethodEntry.Of<ClashingOptions>("Clash", "declares regressor-layers with another default", false, _ => new FrozenEncoder(new FrozenEncoderOptions()));
        var ex = Assert.Throws<ArgumentException>(() => MethodRegistry.Default.With(clash));
        Assert.Contains("regressor-layers", ex.Message);
    }

    [Fact]
    public void BadSettingFromLibrary_IsReportedAsItsFlag()
    {
        var (code, _, error) = CliHarness.Run("train", "--method", "mrd", "--source", tiny.A, "--target", tiny.B, "-o", P("m"), "--m", "0");
        Assert.Equal(1, code);
        Assert.Equal("seradapt: error: --m must be at least 1, got 0.", error.Trim());
    }

    private sealed record ClashingOptions(
        [property: Setting(RegressorSetting.Name, RegressorSetting.Description, Min = 1)] int RegressorLayers = 7);
}
