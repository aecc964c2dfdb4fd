using System.Globalization;
using SerAdapt.Data;
using SerAdapt.Features;
using Spectre.Console;

namespace SerAdapt.Cli;

/// <summary>
/// The IS10 batch extraction as the CLI runs it (progress bar on a terminal, and one per file of a
/// minute of audio or more; plain progress lines for such files otherwise; summary line, failure
/// list), shared by <c>extract</c> and by <c>import --root</c> without a feature file.
/// </summary>
internal static class AudioFeatureExtraction
{
    /// <summary>Files with at least this much audio get their own progress (bar or lines).</summary>
    private const double LongFileSeconds = 60;

    public static Is10BatchResult Run(IReadOnlyList<string> files, Is10BatchOptions options, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        Is10BatchResult result;
        if (Console.IsOutputRedirected || !ReferenceEquals(stdout, Console.Out))
        {
            // Plain lines: a long file reports every 10 % of its audio.
            var reported = new Dictionary<string, int>();
            result = Is10BatchExtractor.Run(files, options, null, cancellationToken, p =>
            {
                if (p.SecondsTotal < LongFileSeconds) return;
                int tenth = (int)(10 * p.SecondsDone / p.SecondsTotal);
                lock (reported)
                {
                    if (reported.GetValueOrDefault(p.File, -1) >= tenth) return;
                    reported[p.File] = tenth;
                    stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} % ({2:0.0} of {3:0.0} min of audio)",
                        p.File, 10 * tenth, p.SecondsDone / 60, p.SecondsTotal / 60));
                }
            });
        }
        else
        {
            result = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"Extracting {files.Count} files", maxValue: files.Count);
                    // A bar per long file, while it is being extracted.
                    var fileTasks = new Dictionary<string, ProgressTask>();
                    result = Is10BatchExtractor.Run(files, options,
                        done =>
                        {
                            lock (task)
                            {
                                task.Increment(1);
                                if (fileTasks.Remove(done.File, out var fileTask)) fileTask.StopTask();
                            }
                        },
                        cancellationToken,
                        p =>
                        {
                            if (p.SecondsTotal < LongFileSeconds) return;
                            lock (task)
                            {
                                if (!fileTasks.TryGetValue(p.File, out var fileTask))
                                    fileTasks[p.File] = fileTask = context.AddTask(Markup.Escape("  " + Path.GetFileName(p.File)), maxValue: p.SecondsTotal);
                                fileTask.Value = p.SecondsDone;
                            }
                        });
                });
        }

        stdout.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0} files ({1} ok, {2} failed), {3:0.0} s of audio in {4:0.0} s = {5:0.0}x real time",
            result.Files, result.Rows.Count, result.Failures.Count, result.AudioSeconds, result.Elapsed.TotalSeconds,
            result.RealTimeFactor));
        if (result.ResampledFiles > 0)
            stdout.WriteLine($"note: {result.ResampledFiles} files were resampled to 16 kHz; openSMILE parity is defined for 16 kHz input only.");
        if (result.Failures.Count > 0)
        {
            stderr.WriteLine($"{result.Failures.Count} files failed:");
            foreach (var failure in result.Failures) stderr.WriteLine($"  {failure.Message}");
        }
        return result;
    }

    /// <summary>The extracted rows as a feature table (ids = instance names, i.e. file names without extension).</summary>
    public static FeatureTable ToFeatureTable(Is10BatchResult result, Is10Variant variant, string source)
    {
        var names = Is10FeatureNames.Functionals(variant).ToArray();
        int n = result.Rows.Count, d = names.Length;
        var values = new float[n * d];
        var ids = new string[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = result.Rows[i].Name;
            result.Rows[i].Values.CopyTo(values.AsSpan(i * d, d));
        }
        return new FeatureTable(source, ids, new int[n], names, values);
    }
}
