using System.Globalization;
using System.Text;

namespace SerAdapt.Cli.Tests;

/// <summary><c>evaluate</c> refuses predictions it cannot score honestly and says what it left out.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "seradapt-eval-" + Guid.NewGuid().ToString("N"));

    public EvaluateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    // A generic CSV truth of 10 utterances u0..u9 with valence 1 + i * 0.4.
    private string Truth()
    {
        var text = new StringBuilder("id,valence,f0\n");
        for (int i = 0; i < 10; i++) text.Append(CultureInfo.InvariantCulture, $"u{i},{1 + i * 0.4:R},{i}\n");
        File.WriteAllText(P("truth.csv"), text.ToString());
        return P("truth.csv");
    }

    private string Predictions(params string[] rows) => PredictionsOf("prediction", rows);

    private string PredictionsOf(string column, params string[] rows)
    {
        File.WriteAllText(P("pred.csv"), $"id,{column}\n" + string.Join('\n', rows) + "\n");
        return P("pred.csv");
    }

    private static string[] Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"u{i},{1.1 + i * 0.4:R}"))];

    [Fact]
    public void Evaluate_PredictionsOfAnotherLabel_FailsNamingBoth()
    {
        var (code, _, error) = CliHarness.Run("evaluate", "--predictions", PredictionsOf("arousal", Rows(10)), "--truth", Truth());
        Assert.Equal(1, code);
        Assert.Contains("holds arousal predictions; scoring them against valence labels", error);
    }

    [Fact]
    public void Evaluate_ValencePredictionsAgainstGenericLabelColumn_Scores()
    {
        File.WriteAllText(P("truth.csv"), File.ReadAllText(Truth()).Replace("id,valence,", "id,pleasure,"));
        var (code, output, error) = CliHarness.Run("evaluate", "--predictions", PredictionsOf("valence", Rows(10)), "--truth", P("truth.csv"),
            "--label", "pleasure");
        Assert.True(code == 0, error);
        Assert.Contains("10 utterances", output);
    }

    [Fact]
    public void Evaluate_NaNPrediction_FailsNamingFileAndLine()
    {
        string[] rows = Rows(10);
        rows[3] = "u3,NaN";
        var (code, _, error) = CliHarness.Run("evaluate", "--predictions", Predictions(rows), "--truth", Truth());
        Assert.NotEqual(0, code);
        Assert.Contains("pred.csv:5", error);
        Assert.Contains("not a finite number", error);
    }

    [Fact]
    public void Evaluate_DuplicateId_FailsNamingFileAndBothLines()
    {
        string[] rows = [.. Rows(10), "u4,2.0"];
        var (code, _, error) = CliHarness.Run("evaluate", "--predictions", Predictions(rows), "--truth", Truth());
        Assert.NotEqual(0, code);
        Assert.Contains("pred.csv:12", error);
        Assert.Contains("'u4'", error);
        Assert.Contains("line 6", error);
    }

    [Fact]
    public void Evaluate_PredictionsForSomeLabelledUtterances_WarnsWithCount()
    {
        var (code, output, error) = CliHarness.Run("evaluate", "--predictions", Predictions(Rows(4)), "--truth", Truth());
        Assert.True(code == 0, error);
        Assert.Contains("6 of the 10 labelled utterances", output + error);
    }
}
