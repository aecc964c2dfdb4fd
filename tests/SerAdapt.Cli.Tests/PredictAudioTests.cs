using SerAdapt.Adaptation;
using SerAdapt.Data.Tests;
using SerAdapt.Engine;
using SerAdapt.Features;

namespace SerAdapt.Cli.Tests;

/// <summary><c>predict</c> on WAV audio (IS10 features extracted in the model's variant, then predicted) and its input checks.</summary>
public sealed class PredictAudioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-predict-audio").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData(Is10Variant.Is10)]
    [InlineData(Is10Variant.Is10Compat)]
    public void Predict_WavFolder_ExtractsInTheModelsVariantPredictsTheGoodFilesAndListsTheBadOne(Is10Variant variant)
    {
        string model = SaveModel(Is10FeatureNames.Functionals(variant).ToArray());
        Directory.CreateDirectory(P("audio"));
        FakeEmotionCorpora.WriteTone(P("audio/low.wav"), 140, 1.0);
        FakeEmotionCorpora.WriteTone(P("audio/high.wav"), 260, 1.2);
        File.WriteAllText(P("audio/broken.wav"), "not audio");

        var (code, output, error) = CliHarness.Run("predict", "--model", model, P("audio"), "-o", P("pred.csv"), "--threads", "1");

        Assert.Equal(1, code);
        Assert.Contains("broken.wav", error);
        Assert.Contains($"2 audio files ({Is10VariantNames.Name(variant)} features)", output);
        var lines = File.ReadAllLines(P("pred.csv"));
        Assert.Equal("id,prediction", lines[0]);
        Assert.Equal(new[] { "high", "low" }, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.True(float.IsFinite(float.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Predict_WavWithModelOfOtherFeatures_FailsSayingSo()
    {
        string model = SaveModel(["f0", "f1", "f2"]);
        FakeEmotionCorpora.WriteTone(P("a.wav"), 200, 1.0);

        var (code, _, error) = CliHarness.Run("predict", "--model", model, P("a.wav"), "-o", P("pred.csv"));

        Assert.Equal(1, code);
        Assert.Contains("not on openSMILE's IS10-paraling set", error);
        Assert.False(File.Exists(P("pred.csv")));
    }

    [Fact]
    public void Predict_FeatureFileWithOtherNames_FailsNamingModelAndInputAndWritesNothing()
    {
        string model = SaveModel(["f0", "f1", "f2"]);
        File.WriteAllText(P("in.csv"), "id,f0,f1,x2\nu1,1,2,3\n");

        var (code, _, error) = CliHarness.Run("predict", "--model", model, P("in.csv"), "-o", P("pred.csv"));

        Assert.Equal(1, code);
        Assert.Contains("Feature 3 differs", error);
        Assert.Contains($"model {model} has 'f2'", error);
        Assert.Contains("has 'x2'", error);
        Assert.False(File.Exists(P("pred.csv")));
    }

    [Fact]
    public void Predict_ShortAndSilentWav_WarnsNamingEach()
    {
        string model = SaveModel(Is10FeatureNames.Functionals(Is10Variant.Is10).ToArray());
        Directory.CreateDirectory(P("audio"));
        FakeEmotionCorpora.WriteTone(P("audio/short.wav"), 200, 0.3);
        FakeEmotionCorpora.WriteTone(P("audio/silent.wav"), 200, 1.0, amplitude: 0);
        FakeEmotionCorpora.WriteTone(P("audio/speech.wav"), 200, 1.0);

        var (code, _, error) = CliHarness.Run("predict", "--model", model, P("audio"), "-o", P("pred.csv"), "--threads", "1");

        Assert.True(code == 0, error);
        Assert.Contains($"warning: {P("audio/short.wav")} is 0.30 s long (under 0.5 s)", error);
        Assert.Contains($"warning: {P("audio/silent.wav")} is silent (all samples zero)", error);
        Assert.DoesNotContain("speech.wav", error);
        Assert.Equal(4, File.ReadAllLines(P("pred.csv")).Length);
    }

    [Fact]
    public void Predict_ModelRecordingItsLabel_NamesTheColumnAndCountsPredictionsOutsideItsScale()
    {
        string model = SaveModel(["f0", "f1", "f2"], ("label", "arousal"), ("label_scale", "100-101"));
        File.WriteAllText(P("in.csv"), "id,f0,f1,f2\nu1,1,2,3\nu2,4,5,6\n");

        var (code, output, error) = CliHarness.Run("predict", "--model", model, P("in.csv"), "-o", P("pred.csv"));

        Assert.True(code == 0, error);
        Assert.Equal("id,arousal", File.ReadAllLines(P("pred.csv"))[0]);
        Assert.Contains("2 arousal predictions of the source-only model", output);
        Assert.Contains("warning: 2 of 2 predictions lie outside the model's arousal scale 100-101", error);
    }

    [Fact]
    public void Predict_ModelWithoutLabel_KeepsGenericColumnAndSaysSo()
    {
        string model = SaveModel(["f0", "f1", "f2"]);
        File.WriteAllText(P("in.csv"), "id,f0,f1,f2\nu1,1,2,3\n");

        var (code, output, error) = CliHarness.Run("predict", "--model", model, P("in.csv"), "-o", P("pred.csv"));

        Assert.True(code == 0, error);
        Assert.Equal("id,prediction", File.ReadAllLines(P("pred.csv"))[0]);
        Assert.Contains("does not record which label it predicts", output);
    }

    /// <summary>A small untrained source-only model whose inputs carry <paramref name="names"/>.</summary>
    private string SaveModel(string[] names, params (string Key, string Value)[] info)
    {
        var architecture = new NetworkArchitecture(names.Length, 8, 1, [new HeadShape("regressor", 2)], 0f);
        var model = ValenceModel.Create("source-only", architecture, new Rng(3));
        model.Normalisation = new FeatureNormalisation(names, new float[names.Length], Enumerable.Repeat(1000f, names.Length).ToArray());
        foreach (var (key, value) in info) model.SetInfo(key, value);
        string dir = P("model-" + names.Length);
        model.Save(dir);
        return dir;
    }
}
