using System.Globalization;
using System.Text;

namespace SerAdapt.Cli.Tests;

/// <summary>train / predict / evaluate / export-onnx end to end on small generic CSV corpora.</summary>
public sealed class AdaptationCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "seradapt-cli-" + Guid.NewGuid().ToString("N"));

    public AdaptationCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    // id,session,valence,f0..f5: valence = 3 + tanh(w . z); the target is shifted and scaled.
    private string WriteCorpus(string name, int rows, double shift, int seed, bool labels = true, string lastFeature = "f5")
    {
        var rng = new Random(seed);
        var text = new StringBuilder("id,session," + (labels ? "valence," : "") + $"f0,f1,f2,f3,f4,{lastFeature}\n");
        double[] w = [0.8, -0.6, 0.4, 0.0, 0.3, -0.2];
        for (int r = 0; r < rows; r++)
        {
            var z = w.Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();
            double y = 3 + Math.Tanh(z.Zip(w, (a, b) => a * b).Sum());
            text.Append(CultureInfo.InvariantCulture, $"{name}_{r},s{r % 3},");
            if (labels) text.Append(CultureInfo.InvariantCulture, $"{y:R},");
            text.AppendJoin(',', z.Select(v => (v * (1 + shift) + shift).ToString("R", CultureInfo.InvariantCulture)));
            text.Append('\n');
        }
        string path = P(name + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    private string[] TrainArgs(string method, string source, string target, params string[] extra) => TrainArgs(method, [source], target, extra);

    private string[] TrainArgs(string method, string[] sources, string target, params string[] extra) =>
    [
        "train", "--method", method, "--source", .. sources, "--target", target, "-o", P("model"),
        "--epochs", "3", "--width", "16", "--encoder-layers", "2", "--batch-size", "32", "--lr", "0.003", "--seed", "1", .. extra,
    ];

    [Fact]
    public void Train_Mrd_SavesModelWritesPredictionsAndPrintsTargetScores()
    {
        string source = WriteCorpus("src", 160, 0, 1), target = WriteCorpus("tgt", 120, 0.5, 2);
        var (code, output, error) = Run(TrainArgs("mrd", source, target, "--predictions", P("train-pred.csv"), "--selection", "fixed"));
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(P("model"), "model.json")));
        Assert.True(File.Exists(Path.Combine(P("model"), "weights.safetensors")));
        Assert.Contains("seed 1", output);
        Assert.Contains("epoch 3/3:", output);
        Assert.Matches(@"target: Pearson -?\d\.\d{4}, CCC -?\d\.\d{4} on 120 labelled utterances", output);
        var lines = File.ReadAllLines(P("train-pred.csv"));
        Assert.Equal("id,valence,f1,f2", lines[0]);
        Assert.Equal(121, lines.Length);
        Assert.StartsWith("tgt_0,", lines[1]);
        string json = File.ReadAllText(Path.Combine(P("model"), "model.json"));
        Assert.Contains("\"source_normalisation\"", json);
        Assert.Contains("tgt.csv", json);
    }

    [Fact]
    public void Predict_ThenEvaluate_ReproducesTrainingPredictionsAndScores()
    {
        string source = WriteCorpus("src", 160, 0, 1), target = WriteCorpus("tgt", 120, 0.5, 2);
        Assert.Equal(0, Run(TrainArgs("coral", source, target, "--predictions", P("train-pred.csv"))).Code);

        var (code, output, error) = Run("predict", "--model", P("model"), target, "-o", P("pred.csv"));
        Assert.True(code == 0, error);
        Assert.Contains("120 valence predictions of the coral model", output);
        Assert.Equal(File.ReadAllLines(P("train-pred.csv")), File.ReadAllLines(P("pred.csv")));

        var evaluation = Run("evaluate", "--predictions", P("pred.csv"), "--truth", target);
        Assert.True(evaluation.Code == 0, evaluation.Err);
        foreach (string metric in new[] { "Pearson", "CCC", "RMSE", "MAE" })
            Assert.Contains(metric, evaluation.Out);
    }

    [Fact]
    public void Train_UnlabelledTarget_TrainsWithoutScores()
    {
        string source = WriteCorpus("src", 160, 0, 1), target = WriteCorpus("tgt", 120, 0.5, 2, labels: false);
        var (code, output, error) = Run(TrainArgs("dann", source, target));
        Assert.True(code == 0, error);
        Assert.Contains("the target has no labels: no scores.", output);
    }

    [Fact]
    public void Train_Oracle_SaysSoInEveryOutput()
    {
        string source = WriteCorpus("src", 160, 0, 1), target = WriteCorpus("tgt", 120, 0.5, 2);
        var (code, output, _) = Run(TrainArgs("source-only", source, target, "--selection", "oracle"));
        Assert.Equal(0, code);
        Assert.Contains("ORACLE model selection", output);
        Assert.Contains("[ORACLE: epoch chosen with target labels]", output);
        Assert.Contains("ORACLE model", Run("predict", "--model", P("model"), target, "-o", P("pred.csv")).Out);
        Assert.Contains("ORACLE model", Run("export-onnx", "--model", P("model"), "-o", P("m.onnx")).Out);
    }

    [Fact]
    public void ExportOnnx_WritesFile()
    {
        string source = WriteCorpus("src", 160, 0, 1), target = WriteCorpus("tgt", 120, 0.5, 2);
        Assert.Equal(0, Run(TrainArgs("mrd", source, target, "--selection", "fixed")).Code);
        var (code, output, error) = Run("export-onnx", "--model", P("model"), "-o", P("model.onnx"));
        Assert.True(code == 0, error);
        Assert.Contains("outputs 'prediction' and 'f1', 'f2'", output);
        Assert.True(new FileInfo(P("model.onnx")).Length > 1000);
    }

    [Fact]
    public void Train_TargetFeaturesDiffer_FailsNamingBothFiles()
    {
        string source = WriteCorpus("src", 60, 0, 1), target = WriteCorpus("tgt", 60, 0.5, 2, lastFeature: "g5");
        var (code, _, error) = Run(TrainArgs("mrd", source, target));
        Assert.Equal(1, code);
        Assert.Contains(source, error);
        Assert.Contains(target, error);
        Assert.False(Directory.Exists(P("model")));
    }

    [Theory]
    [InlineData("--m", "0", "--m must be at least 1, got 0.")]
    [InlineData("--lr", "-1", "--lr must be positive, got -1.")]
    [InlineData("--selection", "best", "--selection must be one of fixed | source-val | iwcv | dev | oracle, got 'best'.")]
    public void Train_BadSetting_FailsBeforeReadingData(string option, string value, string message)
    {
        var (code, _, error) = Run("train", "--method", "mrd", "--source", P("missing-src.csv"), "--target", P("missing-tgt.csv"), "-o", P("model"), option, value);
        Assert.Equal(1, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Predict_MissingModelFolder_FailsNamingIt()
    {
        string target = WriteCorpus("tgt", 10, 0, 2);
        var (code, _, error) = Run("predict", "--model", P("no-model"), target, "-o", P("pred.csv"));
        Assert.Equal(1, code);
        Assert.Contains("no-model", error);
        Assert.Contains("does not exist", error);
        Assert.False(File.Exists(P("pred.csv")));
    }

    [Fact]
    public void Train_TrainOnTarget_PrintsPooledScores()
    {
        string source = WriteCorpus("src", 60, 0, 1), target = WriteCorpus("tgt", 150, 0.5, 2);
        var (code, output, error) = Run(TrainArgs("train-on-target", source, target, "--session", "session", "--selection", "fixed"));
        Assert.True(code == 0, error);
        Assert.Contains("target (pooled leave-one-group-out predictions): Pearson", output);
    }

    [Fact]
    public void Train_TwoSources_RecordsEachSourceAndPredictReproducesTrainingPredictions()
    {
        string a = WriteCorpus("srca", 120, 0, 1), b = WriteCorpus("srcb", 100, 1.0, 3), target = WriteCorpus("tgt", 90, 0.5, 2);
        var (code, output, error) = Run(TrainArgs("dann", [a, b], target, "--predictions", P("train-pred.csv"), "--selection", "fixed"));
        Assert.True(code == 0, error);
        Assert.Contains("srca.csv (120 utterances) + ", output);
        Assert.Contains("srcb.csv (100 utterances)", output);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(P("model"), "model.json")));
        var info = json.RootElement.GetProperty("info");
        Assert.Equal([a, b], System.Text.Json.JsonSerializer.Deserialize<string[]>(info.GetProperty("sources").GetString()!)!);
        var normalisations = System.Text.Json.JsonDocument.Parse(info.GetProperty("source_normalisation").GetString()!).RootElement;
        Assert.Equal(2, normalisations.GetArrayLength());
        Assert.Equal(b, normalisations[1].GetProperty("corpus").GetString());

        var predicted = Run("predict", "--model", P("model"), target, "-o", P("pred.csv"));
        Assert.True(predicted.Code == 0, predicted.Err);
        Assert.Equal(File.ReadAllLines(P("train-pred.csv")), File.ReadAllLines(P("pred.csv")));
        var evaluation = Run("evaluate", "--predictions", P("pred.csv"), "--truth", target);
        Assert.True(evaluation.Code == 0, evaluation.Err);
    }

    [Fact]
    public void Train_SourceFeaturesDifferFromTarget_FailsNamingThatSource()
    {
        string a = WriteCorpus("srca", 60, 0, 1), b = WriteCorpus("srcb", 60, 0, 3, lastFeature: "g5"), target = WriteCorpus("tgt", 60, 0.5, 2);
        var (code, _, error) = Run(TrainArgs("source-only", [a, b], target));
        Assert.Equal(1, code);
        Assert.Contains("srcb.csv", error);
        Assert.Contains("'g5'", error);
        Assert.False(Directory.Exists(P("model")));
    }

    [Fact]
    public void Train_TrainOnTargetWithSources_SaysTheSourcesAreNotUsed()
    {
        string a = WriteCorpus("srca", 60, 0, 1), b = WriteCorpus("srcb", 60, 1, 3), target = WriteCorpus("tgt", 150, 0.5, 2);
        var (code, output, error) = Run(TrainArgs("train-on-target", [a, b], target, "--session", "session", "--selection", "fixed"));
        Assert.True(code == 0, error);
        Assert.Contains("the source corpora are not used", output);
    }
}
