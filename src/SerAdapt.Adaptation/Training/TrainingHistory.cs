using System.Globalization;
using System.Text;
using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Adaptation;

/// <summary>
/// A training's learning curve on disk, beside the model: <c>history.csv</c>, one row per epoch with
/// the mean of each loss (<c>NAME_loss</c>), the score of each criterion computed (<c>source-val</c>,
/// <c>iwcv</c>, <c>dev</c>, <c>oracle</c>), the target CCC where it was measured (the column
/// <c>target_ccc_uses_target_labels</c>: it reads the target's labels) and <c>kept</c> = 1 on the kept
/// epoch; and <c>history.png</c>/<c>.svg</c> (<see cref="LearningCurveFigure"/>).
/// </summary>
public static class TrainingHistory
{
    public const string CsvFile = "history.csv";
    public const string FigureName = "history";
    public const string TargetCccColumn = "target_ccc_uses_target_labels";

    /// <summary>Writes the history of <paramref name="model"/> into <paramref name="directory"/> (each file atomically); nothing when it has none.</summary>
    public static FigureFiles? Write(ValenceModel model, string directory)
    {
        var history = model.History;
        if (history.Count == 0) return null;
        int kept = model.Info.TryGetValue("best_epoch", out var e) && int.TryParse(e, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) ? k : 0;
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, CsvFile), Csv(history, kept));
        var losses = Names(history, r => r.Losses.Keys);
        var scores = Names(history, r => r.Scores.Keys);
        var panels = new List<CurvePanel>
        {
            new("losses (mean over the epoch)", "loss", losses.Select(n => Series(n, history.Select(r => r.Losses.GetValueOrDefault(n, double.NaN)))).ToList()),
        };
        if (scores.Count > 0)
            panels.Add(new("selection criteria (lower is better; oracle: higher)", "score",
                scores.Select(n => Series(n, history.Select(r => r.Scores.GetValueOrDefault(n, double.NaN)))).ToList()));
        if (history.Any(r => double.IsFinite(r.TargetCcc)))
            panels.Add(new("target CCC (uses target labels)", "CCC", [Series("target CCC", history.Select(r => r.TargetCcc))]));
        return new LearningCurveFigure($"{model.Method} learning curve", history.Select(r => r.Epoch).ToList(), panels, kept)
            .Save(Path.Combine(directory, FigureName));
    }

    /// <summary>The CSV text of <paramref name="history"/>, the row of <paramref name="keptEpoch"/> marked.</summary>
    public static string Csv(IReadOnlyList<EpochRecord> history, int keptEpoch)
    {
        var losses = Names(history, r => r.Losses.Keys);
        var scores = Names(history, r => r.Scores.Keys);
        bool ccc = history.Any(r => double.IsFinite(r.TargetCcc));
        var text = new StringBuilder();
        var header = new List<string> { "epoch", "kept" };
        header.AddRange(losses.Select(n => n + "_loss"));
        header.AddRange(scores);
        if (ccc) header.Add(TargetCccColumn);
        text.AppendLine(string.Join(",", header.Select(CsvText.Field)));
        foreach (var r in history)
        {
            var row = new List<string> { Number(r.Epoch), r.Epoch == keptEpoch ? "1" : "0" };
            row.AddRange(losses.Select(n => Number(r.Losses.GetValueOrDefault(n, double.NaN))));
            row.AddRange(scores.Select(n => Number(r.Scores.GetValueOrDefault(n, double.NaN))));
            if (ccc) row.Add(Number(r.TargetCcc));
            text.AppendLine(string.Join(",", row));
        }
        return text.ToString();
    }

    private static List<string> Names(IReadOnlyList<EpochRecord> history, Func<EpochRecord, IEnumerable<string>> names) =>
        history.SelectMany(names).Distinct().ToList();

    private static KeyValuePair<string, double[]> Series(string name, IEnumerable<double> values) => new(name, values.ToArray());

    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
}
