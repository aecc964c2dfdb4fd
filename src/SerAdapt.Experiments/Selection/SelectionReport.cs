using System.Globalization;
using System.Text;
using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Experiments;

/// <summary>
/// The report of a <see cref="SelectionStudy"/>, in its folder: <c>selection.csv</c> (each criterion's choice of
/// point and epoch per method, direction and repeat, with the target CCC, the oracle's best and the regret),
/// <c>selection-METHOD.png/.svg</c> (<see cref="SelectionScatterFigure"/>: criterion vs target CCC over every point
/// and epoch) and <c>report.md</c> (the settings, the grid, the regret table and the <see cref="RunRecord"/>).
/// </summary>
public static class SelectionReport
{
    public const string Csv = "selection.csv";
    public const string FigurePrefix = "selection-";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<SelectionOutcome> Write(string directory, ExperimentConfig config, Shard shard, IReadOnlyList<EpochScores> runs,
        RunRecord record)
    {
        var outcomes = SelectionStudy.Analyse(config, runs);
        AtomicFile.WriteAllText(Path.Combine(directory, Csv), CsvText(outcomes));
        var figures = new List<string>();
        foreach (var method in config.Methods)
        {
            var mine = runs.Where(r => r.Method == method).ToList();
            if (mine.Count == 0) continue;
            Figure(config, method, mine, outcomes).Save(Path.Combine(directory, FigurePrefix + method));
            figures.Add(method);
        }
        AtomicFile.WriteAllText(Path.Combine(directory, ExperimentReport.ReportMd),
            Markdown(config, shard, runs, outcomes, figures).TrimEnd() + "\n\n" + record.Markdown(directory).TrimEnd() + "\n");
        return outcomes;
    }

    public static string CsvText(IReadOnlyList<SelectionOutcome> outcomes)
    {
        var sb = new StringBuilder("method,direction,criterion,uses_target_labels,repeat,point,settings,epoch,target_ccc,oracle_ccc,regret\n");
        foreach (var o in outcomes)
            foreach (var c in o.Choices)
                sb.Append(Inv, $"{o.Method},{o.Direction},{o.Criterion},{(o.UsesTargetLabels ? "true" : "false")},{c.Repeat},{c.Point},{SerAdapt.Files.CsvText.Field(c.Settings)},{c.Epoch},{c.TargetCcc:R},{c.OracleCcc:R},{c.Regret:R}\n");
        return sb.ToString();
    }

    private static SelectionScatterFigure Figure(ExperimentConfig config, string method, List<EpochScores> runs, IReadOnlyList<SelectionOutcome> outcomes)
    {
        var panels = new List<SelectionScatterPanel>();
        foreach (var criterion in SelectionStudy.Criteria.Where(c => c != "oracle"))
        {
            var series = new List<ScatterSeries>();
            var chosen = new List<ScatterSeries>();
            foreach (var direction in config.DirectionList)
            {
                var mine = runs.Where(r => r.Direction == direction).ToList();
                series.Add(new ScatterSeries(ExperimentReport.DirectionLabel(config, direction),
                    mine.SelectMany(r => r.Scores[criterion]).ToArray(), mine.SelectMany(r => r.TargetCcc).ToArray()));
                var picks = outcomes.FirstOrDefault(o => o.Method == method && o.Direction == direction && o.Criterion == criterion)?.Choices ?? [];
                chosen.Add(new ScatterSeries(direction,
                    picks.Select(c => mine.First(r => r.Repeat == c.Repeat && r.Point == c.Point).Scores[criterion][c.Epoch - 1]).ToArray(),
                    picks.Select(c => c.TargetCcc).ToArray()));
            }
            panels.Add(new SelectionScatterPanel(criterion, $"{criterion} (lower is better)", series, chosen));
        }
        return new SelectionScatterFigure($"{config.Registry.Display(method)}", panels);
    }

    private static string Markdown(ExperimentConfig config, Shard shard, IReadOnlyList<EpochScores> runs,
        IReadOnlyList<SelectionOutcome> outcomes, IReadOnlyList<string> figures)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Model selection without target labels: {ExperimentReport.Title(config)}").AppendLine();
        int planned = SelectionStudy.Plan(config).Count(r => shard.Contains(r.Index));
        sb.AppendLine(string.Create(Inv, $"{runs.Count} of {planned} grid runs{(shard.IsWhole ? "" : $" (shard {shard})")}; {config.Repeats} repeats; "
            + $"every point trained for all its epochs ({string.Join(" or ", runs.Select(r => r.Epochs).DefaultIfEmpty(config.Training.Epochs).Distinct().Order())}; no early stopping), scored after each epoch. The models of the grid points are kept only with --keep-models (in models/).")).AppendLine();
        sb.AppendLine("## Grid").AppendLine();
        foreach (var method in config.Methods)
        {
            var points = config.Grid.Points(method);
            sb.AppendLine($"- {config.Registry.Display(method)}: {points.Count} point{(points.Count == 1 ? "" : "s")}: {string.Join("; ", points.Select(p => p.Label(config.Registry)))}");
        }
        sb.AppendLine().AppendLine("## What choosing costs (target CCC, %)").AppendLine();
        sb.AppendLine("Each criterion chooses, per method, direction and repeat, the (grid point, epoch) with its best score; the")
          .AppendLine("*oracle* chooses by the target CCC itself (it reads the target's labels: not available in practice). Regret = oracle - chosen,")
          .AppendLine("in CCC percentage points, mean ± std over repeats. Spearman: rank correlation between the criterion (negated: higher")
          .AppendLine("means a lower risk) and the target CCC over every point, epoch and repeat; 1 would rank the models exactly like the target CCC.")
          .AppendLine();
        sb.AppendLine("| method | direction | criterion | chosen CCC | oracle CCC | regret (pp) | Spearman |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var o in outcomes)
            sb.AppendLine(string.Create(Inv, $"| {config.Registry.Display(o.Method)} | {ExperimentReport.DirectionLabel(config, o.Direction)} | {o.Criterion}{(o.UsesTargetLabels ? " (uses target labels)" : "")} | {ExperimentReport.Percent(o.ChosenCcc)} | {ExperimentReport.Percent(o.OracleCcc)} | {ExperimentReport.Percent(o.Regret)} | {(double.IsNaN(o.Spearman) ? "–" : o.Spearman.ToString("F2", Inv))} |"));
        sb.AppendLine();
        if (figures.Count > 0)
        {
            sb.AppendLine("## Criterion vs target CCC").AppendLine();
            foreach (var method in figures)
                sb.AppendLine($"![{config.Registry.Display(method)}]({FigurePrefix}{method}.png)").AppendLine();
        }
        sb.AppendLine("Per-repeat choices: selection.csv. Settings: experiment.json.");
        return sb.ToString();
    }
}
