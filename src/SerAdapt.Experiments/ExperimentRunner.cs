using System.Diagnostics;
using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>
/// Runs the runs of one shard that the folder's run log does not hold yet, appending each as soon
/// as it ends, then writes the report. Cancelling (Ctrl-C) or killing the process loses at most
/// the run in progress; running again with resume continues from the log.
/// </summary>
public static class ExperimentRunner
{
    public static IReadOnlyList<RunResult> Run(
        ExperimentFolder folder,
        RunTrainer trainer,
        IProgress<ExperimentEvent>? events = null,
        CancellationToken cancellationToken = default)
    {
        var config = folder.Config;
        config.Validate();
        var planned = config.Plan().Where(r => folder.Shard.Contains(r.Index)).ToList();
        var done = folder.ReadResults();
        var doneKeys = done.Select(r => r.Key).ToHashSet();
        foreach (var r in done)
            if (!planned.Any(p => p.Key == r.Key && p.Seed == r.Seed))
                throw new ReportFolderException($"{folder.RunLogPath} holds run '{r.Key}' (seed {r.Seed}), which is not in this experiment's plan.");
        var todo = planned.Where(r => !doneKeys.Contains(r.Key)).ToList();
        events?.Report(new ExperimentStarted(planned.Count, planned.Count - todo.Count, todo.Count));

        for (int i = 0; i < todo.Count; i++)
        {
            var result = RunOne(todo[i], trainer, i + 1, todo.Count, events, cancellationToken);
            folder.Append(result);
            done.Add(result);
        }

        ExperimentReport.Write(folder.Directory, config, folder.Shard, Order(config, done), RunRecord.Capture(folder.Corpora));
        return done;
    }

    /// <summary>Trains one run, reporting its start, steps and end as run <paramref name="number"/> of <paramref name="of"/>.</summary>
    public static RunResult RunOne(RunSpec run, RunTrainer trainer, int number, int of,
        IProgress<ExperimentEvent>? events = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        events?.Report(new RunStarted(run, number, of));
        var watch = Stopwatch.StartNew();
        var outcome = trainer(run, new RelayProgress(run, events), cancellationToken);
        var result = RunResult.From(run, outcome, watch.Elapsed.TotalSeconds);
        events?.Report(new RunFinished(run, result, number, of));
        return result;
    }

    /// <summary>Results in plan order (the order of results.csv, whatever order they finished in).</summary>
    public static List<RunResult> Order(ExperimentConfig config, IEnumerable<RunResult> results)
    {
        var index = config.Plan().ToDictionary(r => r.Key, r => r.Index);
        return results.OrderBy(r => index.TryGetValue(r.Key, out int i) ? i : int.MaxValue).ToList();
    }

    // Passes training progress on synchronously (System.Progress<T> would post it to the thread pool).
    /// <summary>A run's training progress as experiment events (plain runs and grid runs alike).</summary>
    internal sealed class RelayProgress(RunSpec run, IProgress<ExperimentEvent>? events) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => events?.Report(new RunProgressed(run, value));
    }
}
