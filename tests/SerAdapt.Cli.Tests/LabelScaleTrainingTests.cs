using System.Globalization;
using System.Text;
using System.Text.Json;
using SerAdapt.Data.Tests;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// Training across label scales (an MSP-Podcast-like 1-7 source, an IEMOCAP-like 1-5 target) and
/// the generic-CSV label leak (an arousal column must not become a feature of a valence regressor).
/// </summary>
public sealed class LabelScaleTrainingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    // id,speaker,valence,arousal,f0..f3: valence = mid + half * tanh(w . z) on the scale [mid - half*, ...].
    private string Csv(string name, int rows, double mid, double half, int seed)
    {
        var rng = new Random(seed);
        var text = new StringBuilder("id,speaker,valence,arousal,f0,f1,f2,f3\n");
        double[] w = [0.8, -0.6, 0.4, 0.3];
        for (int r = 0; r < rows; r++)
        {
            var z = w.Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            double y = mid + half * Math.Tanh(z.Zip(w, (a, b) => a * b).Sum());
            text.Append(CultureInfo.InvariantCulture, $"{name}_{r},{r % 4},{y:R},{mid:R},{string.Join(',', z.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}\n");
        }
        return _folder.File(name + ".csv", text.ToString());
    }

    private string[] Train(string source, string target, int epochs, params string[] extra) =>
    [
        "train", "--method", "source-only", "--source", source, "--target", target, "-o", _folder["model"], "--selection", "fixed",
        "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--width", "16", "--encoder-layers", "2", "--batch-size", "32", "--lr", "0.003", "--seed", "1", "--threads", "1", .. extra,
    ];

    [Fact]
    public void Train_OneToSevenSourceOneToFiveTarget_MapsSourceLabelsSaysSoAndPredictsOnTargetScale()
    {
        string source = _folder["podcast.parquet"], target = _folder["iemocap.parquet"];
        Assert.Equal(0, Run("import", "csv", Csv("podcast", 240, 4, 3, 1), "--label", "valence", "--label-range", "1,7", "-o", source).Code);
        Assert.Equal(0, Run("import", "csv", Csv("iemocap", 160, 3, 2, 2), "--label", "valence", "-o", target).Code);

        var (code, output, err) = Run(Train(source, target, 40, "--predictions", _folder["pred.csv"]));

        Assert.True(code == 0, err);
        Assert.Contains("source valence labels mapped onto the target's scale, 1-7 to 1-5: y' = 0.6667 * y + 0.3333; predictions are on 1-5", output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder["model"], "model.json")));
        var info = json.RootElement.GetProperty("info");
        Assert.Equal("1-5", info.GetProperty("label_scale").GetString());
        Assert.Equal("1-7 to 1-5: y' = 0.6667 * y + 0.3333", info.GetProperty("source_label_mapping").GetString());
        // The source's mean 4 on 1-7 is 3 on 1-5: predictions centre on the target's scale, not the source's.
        var predictions = File.ReadAllLines(_folder["pred.csv"]).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.InRange(predictions.Average(), 2.6, 3.4);
    }

    [Fact]
    public void Train_SameScales_MapsNothing()
    {
        string source = Csv("a", 120, 3, 2, 1), target = Csv("b", 80, 3, 2, 2);
        var (code, output, err) = Run(Train(source, target, 1));
        Assert.True(code == 0, err);
        Assert.DoesNotContain("mapped onto the target's scale", output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder["model"], "model.json")));
        Assert.Equal("1-5", json.RootElement.GetProperty("info").GetProperty("label_scale").GetString());
        Assert.False(json.RootElement.GetProperty("info").TryGetProperty("source_label_mapping", out _));
    }

    [Fact]
    public void Train_GenericCsvWithArousalAndSpeakerColumns_NeitherIsAFeature_BothListed()
    {
        string source = Csv("a", 120, 3, 2, 1), target = Csv("b", 80, 3, 2, 2);
        var (code, output, err) = Run(Train(source, target, 1));
        Assert.True(code == 0, err);
        Assert.Contains("not used as features: 'speaker' (named like a group column), 'arousal' (named like a label)", output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder["model"], "model.json")));
        Assert.Equal(["f0", "f1", "f2", "f3"], json.RootElement.GetProperty("featureNames").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Train_FeaturesChosenExplicitly_TakesOnlyThose()
    {
        string source = Csv("a", 120, 3, 2, 1), target = Csv("b", 80, 3, 2, 2);
        var (code, output, err) = Run(Train(source, target, 1, "--features", "f1..f3"));
        Assert.True(code == 0, err);
        Assert.DoesNotContain("not used as features", output);
        Assert.Contains("3 features", output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder["model"], "model.json")));
        Assert.Equal(["f1", "f2", "f3"], json.RootElement.GetProperty("featureNames").EnumerateArray().Select(e => e.GetString()));
    }
}
