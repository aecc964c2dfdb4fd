using System.Globalization;
using SerAdapt.Adaptation;
using Spectre.Console;

namespace SerAdapt.Cli.Adaptation;

/// <summary>
/// Shows training progress: on an interactive terminal a Spectre.Console progress bar with the losses
/// and the remaining time; otherwise (redirected output, tests) one line per epoch.
/// </summary>
internal static class TrainingReporter
{
    public static T Run<T>(TextWriter output, Func<IProgress<TrainingProgress>, T> train)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
            return train(new Reporter(p =>
            {
                if (p.Step == p.StepsPerEpoch)
                    output.WriteLine($"epoch {p.Epoch}/{p.Epochs}: {Format(p.Losses)}");
            }));

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: 1);
                result = train(new Reporter(p =>
                {
                    task.MaxValue = (double)p.Epochs * p.StepsPerEpoch;
                    task.Value = (double)(p.Epoch - 1) * p.StepsPerEpoch + p.Step;
                    task.Description = Markup.Escape($"epoch {p.Epoch}/{p.Epochs} {Format(p.Losses)}");
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    public static string Format(IReadOnlyDictionary<string, double> losses) =>
        string.Join(" ", losses.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:G4}")));

    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
