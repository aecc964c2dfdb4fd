using System.Diagnostics;
using System.Globalization;
using SerAdapt.Adaptation;
using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>
/// An experiment with a <c>grid:</c>: every point of every method's grid is trained in every direction and
/// repeat, with every label-free criterion and the target CCC scored after each epoch
/// (<see cref="TrainingOptions.ScoreEveryCriterion"/>; no early stopping). Each run's <see cref="EpochScores"/>
/// is appended to the grid log as it ends (its model is kept only when asked: <c>--keep-models</c>), so resume and shards work per grid point
/// as they do per run. Then, per method, direction and repeat, each criterion chooses the (point, epoch) with
/// its best score, and <see cref="Analyse"/> measures what that choice costs against the oracle's.
/// </summary>
public static class SelectionStudy
{
    public const string GridLog = "grid.jsonl";

    /// <summary>The criteria that choose: the label-free ones, then the oracle (which reads target labels).</summary>
    public static readonly IReadOnlyList<string> Criteria = ["source-val", "iwcv", "dev", "oracle"];

    /// <summary>The folder under a report folder where <c>--keep-models</c> saves the grid's models (replaced with --force).</summary>
    public const string ModelsFolder = "models";

    /// <summary>Where <c>--keep-models</c> saves the model of <paramref name="run"/>: models/METHOD-DIRECTION-rREPEAT-pPOINT.</summary>
    public static string ModelFolder(string directory, GridRun run) =>
        Path.Combine(directory, ModelsFolder, string.Create(CultureInfo.InvariantCulture, $"{run.Method}-{run.Direction}-r{run.Repeat}-p{run.Point.Index}"));

    /// <summary>Every grid run in plan order: repeat-major, then direction, method and point.</summary>
    public static IReadOnlyList<GridRun> Plan(ExperimentConfig config)
    {
        var runs = new List<GridRun>();
        for (int r = 0; r < config.Repeats; r++)
            foreach (var d in config.DirectionList)
                foreach (var m in config.Methods)
                    foreach (var point in config.Grid.Points(m))
                        runs.Add(new GridRun(runs.Count, m, d, r, RunSeeds.Derive(config.Seed, d, r), point));
        return runs;
    }

    /// <summary>The runs of the folder's shard not in its grid log yet, each appended as it ends; then the report.</summary>
    public static IReadOnlyList<EpochScores> Run(ExperimentFolder folder, GridTrainer trainer,
        IProgress<ExperimentEvent>? events = null, CancellationToken cancellationToken = default)
    {
        var config = folder.Config;
        config.Validate();
        string log = Path.Combine(folder.Directory, GridLog);
        RunLog.Repair(log);
        var planned = Plan(config).Where(r => folder.Shard.Contains(r.Index)).ToList();
        var done = RunLog.Read<EpochScores>(log);
        foreach (var s in done)
            if (!planned.Any(p => p.Key == s.Key && p.Seed == s.Seed && p.Point.Label(config.Registry) == s.Settings))
                throw new ReportFolderException($"{log} holds grid run '{s.Key}' (seed {s.Seed}, {s.Settings}), which is not in this experiment's plan.");
        var doneKeys = done.Select(s => s.Key).ToHashSet();
        var todo = planned.Where(r => !doneKeys.Contains(r.Key)).ToList();
        events?.Report(new ExperimentStarted(planned.Count, planned.Count - todo.Count, todo.Count));
        for (int i = 0; i < todo.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = todo[i];
            // The console shows a grid run as a run named "method [settings]".
            var spec = new RunSpec(run.Index, $"{run.Method} [{run.Point.Label(config.Registry)}]", run.Direction, run.Repeat, run.Seed);
            events?.Report(new RunStarted(spec, i + 1, todo.Count));
            var watch = Stopwatch.StartNew();
            var scores = trainer(run, new ExperimentRunner.RelayProgress(spec, events), cancellationToken);
            RunLog.Append(log, scores);
            done.Add(scores);
            int kept = Choose(scores, "source-val");
            events?.Report(new RunFinished(spec, new RunResult(spec.Method, run.Direction, run.Repeat, run.Seed, double.NaN,
                scores.TargetCcc[kept], double.NaN, scores.Epochs, watch.Elapsed.TotalSeconds, false), i + 1, todo.Count));
        }
        var ordered = Order(config, done);
        SelectionReport.Write(folder.Directory, config, folder.Shard, ordered, RunRecord.Capture(folder.Corpora));
        return ordered;
    }

    /// <summary>Grid runs in plan order.</summary>
    public static List<EpochScores> Order(ExperimentConfig config, IEnumerable<EpochScores> runs)
    {
        var index = Plan(config).ToDictionary(r => r.Key, r => r.Index);
        return runs.OrderBy(r => index.TryGetValue(r.Key, out int i) ? i : int.MaxValue).ToList();
    }

    /// <summary>
    /// Trains <paramref name="run"/> with <paramref name="fit"/> on the point's settings, scoring every criterion
    /// and the target CCC after each epoch; <paramref name="fit"/> gets the method and the run's training options.
    /// </summary>
    public static EpochScores Train(ExperimentConfig config, GridRun run, Func<IAdaptationMethod, TrainingOptions, FitResult> fit)
    {
        var point = config.ForPoint(run.Point);
        var options = point.TrainingOptions(run.Seed) with { ScoreEveryCriterion = true, MeasureTargetCcc = true };
        var history = fit(point.CreateMethod(run.Method), options).Model.History;
        var names = history.Count == 0 ? [] : history[0].Scores.Keys.ToList();
        return new EpochScores(run.Method, run.Direction, run.Repeat, run.Point.Index, run.Point.Label(config.Registry), run.Seed,
            names.ToDictionary(n => n, n => history.Select(h => h.Scores[n]).ToArray()),
            history.Select(h => h.TargetCcc).ToArray());
    }

    /// <summary>What each criterion's choice costs, per method and direction (only the grid runs given).</summary>
    public static IReadOnlyList<SelectionOutcome> Analyse(ExperimentConfig config, IReadOnlyList<EpochScores> runs)
    {
        var outcomes = new List<SelectionOutcome>();
        foreach (var method in config.Methods)
            foreach (var direction in config.DirectionList)
            {
                var mine = runs.Where(r => r.Method == method && r.Direction == direction).ToList();
                if (mine.Count == 0) continue;
                var repeats = mine.GroupBy(r => r.Repeat).OrderBy(g => g.Key).ToList();
                foreach (var criterion in Criteria)
                {
                    var choices = new List<SelectionChoice>();
                    foreach (var repeat in repeats)
                    {
                        var (best, bestEpoch) = Best(repeat, criterion);
                        var (oracle, oracleEpoch) = Best(repeat, "oracle");
                        choices.Add(new SelectionChoice(repeat.Key, best.Point, best.Settings, bestEpoch + 1, best.TargetCcc[bestEpoch],
                            oracle.TargetCcc[oracleEpoch]));
                    }
                    double spearman = double.NaN;
                    if (criterion != "oracle")
                    {
                        var score = mine.SelectMany(r => r.Scores[criterion].Select(v => -v)).ToList();
                        var ccc = mine.SelectMany(r => r.TargetCcc).ToList();
                        spearman = RankCorrelation.Spearman(score, ccc);
                    }
                    outcomes.Add(new SelectionOutcome(method, direction, criterion, criterion == "oracle",
                        Statistic.Of(choices.Select(c => c.TargetCcc).ToList()), Statistic.Of(choices.Select(c => c.OracleCcc).ToList()),
                        Statistic.Of(choices.Select(c => c.Regret).ToList()), spearman, choices));
                }
            }
        return outcomes;
    }

    /// <summary>The 0-based epoch of <paramref name="run"/> that <paramref name="criterion"/> prefers (the first of equals).</summary>
    public static int Choose(EpochScores run, string criterion)
    {
        var values = Values(run, criterion);
        int best = 0;
        for (int e = 1; e < values.Length; e++)
            if (criterion == "oracle" ? values[e] > values[best] : values[e] < values[best]) best = e;
        return best;
    }

    // The run and epoch that the criterion prefers among a repeat's points (plan order breaks ties).
    private static (EpochScores Run, int Epoch) Best(IEnumerable<EpochScores> runs, string criterion)
    {
        (EpochScores Run, int Epoch)? best = null;
        foreach (var run in runs.OrderBy(r => r.Point))
        {
            int e = Choose(run, criterion);
            double v = Values(run, criterion)[e];
            if (best is null) best = (run, e);
            else
            {
                double b = Values(best.Value.Run, criterion)[best.Value.Epoch];
                if (criterion == "oracle" ? v > b : v < b) best = (run, e);
            }
        }
        return best ?? throw new ArgumentException("No grid run to choose from.");
    }

    private static double[] Values(EpochScores run, string criterion) =>
        criterion == "oracle" ? run.TargetCcc
            : run.Scores.TryGetValue(criterion, out var v) ? v
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Grid run '{run.Key}' has no {criterion} scores."));
}
