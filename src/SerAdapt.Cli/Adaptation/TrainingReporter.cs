using System.Globalization;
using SerAdapt.Adaptation;
using Spectre.Console;

namespace SerAdapt.Cli.Adaptation;

/// <summary>
/// Shows training progress: on an interactive terminal a Spectre.Console progress bar with the losses
/// and the remaining time; otherwise (redirected output, tests) one line per epoch, and one with the epoch's selection scores. Losses are means
/// over the batches of the epoch so far (a single batch's loss is too noisy to read).
/// </summary>
internal static class TrainingReporter
{
    public static T Run<T>(TextWriter output, Func<IProgress<TrainingProgress>, T> train)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var means = new EpochMeans();
        if (!interactive)
            return train(new Reporter(p =>
            {
                means.Add(p);
                if (p.Step == p.StepsPerEpoch)
                    output.WriteLine($"{p.Position}: {Format(means.Current)}");
            }, r => { if (Scores(r) is { } scores) output.WriteLine($"epoch {r.Epoch} {scores}"); }));

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: 1);
                var sinceUpdate = System.Diagnostics.Stopwatch.StartNew();
                string scores = "";
                result = train(new Reporter(p =>
                {
                    means.Add(p);
                    // The display refreshes a few times a second: no formatting on every step.
                    if (sinceUpdate.ElapsedMilliseconds < 100 && p.Step != p.StepsPerEpoch) return;
                    sinceUpdate.Restart();
                    task.MaxValue = (double)p.Epochs * p.StepsPerEpoch;
                    task.Value = (double)(p.Epoch - 1) * p.StepsPerEpoch + p.Step;
                    task.Description = Markup.Escape($"{p.Position} {Format(means.Current)}{scores}");
                }, r => scores = Scores(r) is { } s ? $" (epoch {r.Epoch} {s})" : ""));
                task.Value = task.MaxValue;
            });
        return result;
    }

    public static string Format(IReadOnlyDictionary<string, double> losses) =>
        string.Join(" ", losses.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:G4}")));

    /// <summary>"scores: iwcv 0.1234, target CCC 0.3 (uses target labels)", or null when the epoch was not scored.</summary>
    public static string? Scores(EpochRecord record)
    {
        var parts = record.Scores.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:G4}")).ToList();
        if (double.IsFinite(record.TargetCcc))
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"target CCC {record.TargetCcc:F4} (uses target labels)"));
        return parts.Count == 0 ? null : "scores: " + string.Join(", ", parts);
    }

    /// <summary>Running means of the named losses over the steps of the current epoch.</summary>
    private sealed class EpochMeans
    {
        private readonly Dictionary<string, double> _sums = [];
        private int _epoch = -1, _steps;

        public Dictionary<string, double> Current { get; } = [];

        public void Add(TrainingProgress p)
        {
            if (p.Epoch != _epoch)
            {
                _epoch = p.Epoch;
                _steps = 0;
                _sums.Clear();
            }
            _steps++;
            foreach (var (name, value) in p.Losses)
            {
                _sums[name] = _sums.GetValueOrDefault(name) + value;
                Current[name] = _sums[name] / _steps;
            }
        }
    }

    private sealed class Reporter(Action<TrainingProgress> report, Action<EpochRecord> epochEnd) : IProgress<TrainingProgress>, IProgress<EpochRecord>
    {
        public void Report(TrainingProgress value) => report(value);

        public void Report(EpochRecord value) => epochEnd(value);
    }
}
