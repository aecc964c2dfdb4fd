using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SerAdapt.Cli.Tests;

/// <summary><c>train --selection iwcv|dev</c>: the learning curve beside the model and the selection recorded in model.json.</summary>
public sealed class TrainSelectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-trainsel").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Corpus(string name, double shift, bool labels = true)
    {
        var text = new StringBuilder(labels ? "id,session,valence,f0,f1,f2\n" : "id,session,f0,f1,f2\n");
        var rng = new Random(name.Length * 7 + (int)(shift * 10));
        for (int i = 0; i < 80; i++)
        {
            double a = rng.NextDouble() * 2 - 1 + shift, b = rng.NextDouble() * 2 - 1, c = rng.NextDouble();
            double valence = 3 + a - 0.5 * b + 0.2 * c;
            text.Append(CultureInfo.InvariantCulture, $"{name}{i},s{i % 2},");
            if (labels) text.Append(CultureInfo.InvariantCulture, $"{valence:R},");
            text.Append(CultureInfo.InvariantCulture, $"{a:R},{b:R},{c:R}\n");
        }
        string path = Path.Combine(_dir, name + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Theory]
    [InlineData("iwcv", "iwcv_weighted_mse")]
    [InlineData("dev", "dev_risk")]
    public void Train_Selection_WritesHistoryAndRecordsTheKeptEpoch(string selection, string scoreKey)
    {
        string model = Path.Combine(_dir, "model-" + selection);
        var (code, stdout, error) = CliHarness.Run("train", "--method", "source-only", "--source", Corpus("src", 0), "--target", Corpus("tgt", 0.7),
            "-o", model, "--epochs", "4", "--width", "8", "--encoder-layers", "1", "--batch-size", "16", "--selection", selection, "--patience", "10");
        Assert.True(code == 0, error + stdout);

        Assert.Contains($"epoch 1 scores: {selection} ", stdout);
        Assert.Contains("(uses target labels)", stdout);
        Assert.True(File.Exists(Path.Combine(model, "history.png")));
        Assert.True(File.Exists(Path.Combine(model, "history.svg")));
        var lines = File.ReadAllLines(Path.Combine(model, "history.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(["epoch", "kept", "mse_loss", selection, "target_ccc_uses_target_labels"], header);
        Assert.Equal(5, lines.Length);
        var scores = lines.Skip(1).Select(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToArray();
        int best = Array.IndexOf(scores, scores.Min()) + 1;

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "model.json")));
        var info = json.RootElement.GetProperty("info");
        Assert.Equal(selection, info.GetProperty("selection").GetString());
        Assert.Equal("false", info.GetProperty("interrupted").GetString());
        Assert.Equal("false", info.GetProperty("oracle").GetString());
        Assert.Equal(best.ToString(CultureInfo.InvariantCulture), info.GetProperty("best_epoch").GetString());
        Assert.Equal(scores.Min(), double.Parse(info.GetProperty(scoreKey).GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal("10", info.GetProperty("importance_weight_clip").GetString());
        Assert.Equal("1", lines[best].Split(',')[1]);
    }

    [Fact]
    public void Train_UnlabelledTarget_HistoryHasNoTargetCccColumn()
    {
        string model = Path.Combine(_dir, "model");
        var (code, stdout, error) = CliHarness.Run("train", "--method", "source-only", "--source", Corpus("src", 0), "--target", Corpus("tgt", 0.7, labels: false),
            "-o", model, "--epochs", "2", "--width", "8", "--encoder-layers", "1", "--batch-size", "16", "--selection", "dev");
        Assert.True(code == 0, error + stdout);

        Assert.Equal("epoch,kept,mse_loss,dev", File.ReadLines(Path.Combine(model, "history.csv")).First());
        Assert.DoesNotContain("target CCC", stdout);
    }
}
