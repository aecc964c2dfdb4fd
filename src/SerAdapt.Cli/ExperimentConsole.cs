using System.Diagnostics;
using System.Globalization;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;
using Spectre.Console;

namespace SerAdapt.Cli;

/// <summary>
/// Shows an experiment's progress: on a terminal a live display with the overall bar (ETA), the
/// current run's bar and its latest losses; otherwise (redirected output: logs, pipes, cluster jobs)
/// plain lines with the time left (<see cref="PlainExperimentProgress"/>).
/// Ctrl-C cancels the token: the run in progress is lost, finished runs are already in the log.
/// </summary>
internal static class ExperimentConsole
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static T Run<T>(Func<IProgress<ExperimentEvent>, CancellationToken, T> work)
    {
        using var cancellation = new ConsoleCancellation();
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var watch = Stopwatch.StartNew();
            return work(new PlainExperimentProgress(Console.Out, () => watch.Elapsed), cancellation.Token);
        }
        return AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => work(new LiveProgress(ctx), cancellation.Token));
    }

    /// <summary>Table 1 of the summary (CCC and PR in %, mean ± std) on the console.</summary>
    public static void PrintTable(ExperimentConfig config, ExperimentSummary summary)
    {
        string a = ExperimentReport.CorpusLabel(config.CorpusA), b = ExperimentReport.CorpusLabel(config.CorpusB);
        string corpora = config.HasSources ? ExperimentReport.Title(config) : $"A = {a}, B = {b}";
        var table = new Table().Border(TableBorder.Rounded)
            .Title("[bold]Table 1[/]: PR and CCC (%) on the target, mean ± std")
            .Caption(Markup.Escape($"{corpora}; {summary.FinishedRuns} of {summary.PlannedRuns} runs"));
        table.AddColumn("Method");
        foreach (var d in config.DirectionList)
        {
            string arrow = d switch { "a-to-b" => "A → B", "b-to-a" => "B → A", _ => "sources → target" };
            table.AddColumn(new TableColumn($"{arrow} PR").RightAligned());
            table.AddColumn(new TableColumn($"{arrow} CCC").RightAligned());
        }
        foreach (var method in config.Methods)
        {
            var cells = new List<string> { config.Registry.Display(method) };
            foreach (var d in config.DirectionList)
            {
                var row = summary.Find(method, d)!;
                cells.Add(Cell(row.Pearson));
                cells.Add(Cell(row.Ccc));
            }
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
    }

    private static string Cell(Statistic s) =>
        double.IsNaN(s.Mean) ? "–"
        : double.IsNaN(s.Std) ? (s.Mean * 100).ToString("F2", Inv)
        : string.Create(Inv, $"{s.Mean * 100:F2} ± {s.Std * 100:F2}");

    // A grid run scores only the CCC (at the epoch source-val keeps): PR and RMSE are left out rather than shown as NaN.
    public static string Describe(RunResult r) =>
        string.Create(Inv, $"{MethodRegistry.Default.Display(r.Method)} {r.Direction} #{r.Repeat}: CCC {r.Ccc * 100:F2}")
        + (double.IsNaN(r.Pearson) ? "" : string.Create(Inv, $"  PR {r.Pearson * 100:F2}"))
        + (double.IsNaN(r.Rmse) ? "" : string.Create(Inv, $"  RMSE {r.Rmse:F3}"))
        + string.Create(Inv, $"  ({r.Epochs} epochs, {r.Seconds:F1} s)");

    private sealed class LiveProgress(ProgressContext context) : IProgress<ExperimentEvent>
    {
        private readonly Stopwatch _sinceUpdate = Stopwatch.StartNew();
        private ProgressTask? _overall;
        private ProgressTask? _run;
        private int _finished;

        public void Report(ExperimentEvent value)
        {
            switch (value)
            {
                case ExperimentStarted s:
                    _overall = context.AddTask($"[bold]Experiment[/] ({s.AlreadyFinished} of {s.Planned} runs already done)", maxValue: Math.Max(1, s.ToRun));
                    if (s.ToRun == 0) _overall.Value = 1;
                    break;
                case RunStarted r:
                    _run = context.AddTask(Title(r.Run, r.Number, r.ToRun), maxValue: 1);
                    break;
                case RunProgressed p when _run is not null && _overall is not null:
                    var t = p.Progress;
                    double total = Math.Max(1, (double)t.Epochs * t.StepsPerEpoch);
                    double done = (t.Epoch - 1) * (double)t.StepsPerEpoch + t.Step;
                    if (_sinceUpdate.ElapsedMilliseconds < 100 && done < total) break;
                    _sinceUpdate.Restart();
                    _run.MaxValue = total;
                    _run.Value = done;
                    _overall.Value = _finished + done / total;
                    var losses = string.Join("  ", t.Losses.Select(l => string.Create(Inv, $"{l.Key} {l.Value:F4}")));
                    _run.Description = $"{Title(p.Run, _finished + 1, (int)_overall.MaxValue)} [grey]{t.Position}  {Markup.Escape(losses)}[/]";
                    break;
                case RunFinished f when _overall is not null:
                    _finished = f.Number;
                    _overall.Value = _finished;
                    if (_run is not null) context.RemoveTask(_run);
                    _run = null;
                    AnsiConsole.MarkupLineInterpolated($"[green]✓[/] {Describe(f.Result)}");
                    break;
            }
        }

        private static string Title(RunSpec run, int number, int of) =>
            $"[blue]{number}/{of}[/] {Markup.Escape(MethodRegistry.Default.Display(run.Method))} {run.Direction} #{run.Repeat}";
    }
}
