using System.Globalization;
using SerAdapt.Data;
using System.CommandLine;
using SerAdapt.Features;
using SerAdapt.Features.Egemaps;
using Spectre.Console;

namespace SerAdapt.Cli;

/// <summary>
/// The batch extraction of a feature set (IS10, IS10 compat, eGeMAPS) as the CLI runs it (progress bar on a terminal, and one per file of a
/// minute of audio or more (IS10); plain progress lines for such files otherwise; summary line, failure
/// list), shared by <c>extract</c> and by <c>import --root</c> without a feature file.
/// </summary>
internal static class AudioFeatureExtraction
{
    /// <summary>The feature sets extracted from audio (<c>--set</c>): IS10, IS10 compat, eGeMAPSv02.</summary>
    public static readonly string[] SetNames = [Is10VariantNames.Is10, Is10VariantNames.Is10Compat, EgemapsFeatureNames.SetName];

    /// <summary><c>--set</c> (alias <c>--variant</c>, its older name), default is10.</summary>
    public static Option<string> SetOption(string description)
    {
        var option = new Option<string>("--set", "--variant")
        {
            Description = description + " is10 = IS10_paraling.conf, is10-compat = IS10_paraling_compat.conf (2010 challenge baseline), " +
                "egemaps = eGeMAPSv02.conf (88 functionals). --variant is the older name of this option.",
            DefaultValueFactory = _ => Is10VariantNames.Is10,
        };
        option.AcceptOnlyFromAmong(SetNames);
        return option;
    }

    /// <summary>The functional names of a set, in output order.</summary>
    public static IReadOnlyList<string> FeatureNames(string set) =>
        set == EgemapsFeatureNames.SetName ? EgemapsFeatureNames.Functionals : Is10FeatureNames.Functionals(Is10VariantNames.Parse(set));

    /// <summary>The set whose functionals are exactly <paramref name="names"/> (a model's inputs), or null.</summary>
    public static string? SetOf(IReadOnlyList<string> names) => SetNames.FirstOrDefault(s => FeatureNames(s).SequenceEqual(names));

    /// <summary>Extracts one set from the files (LLD csv files into <paramref name="lldDirectory"/> when given).</summary>
    public static Is10BatchResult Run(IReadOnlyList<string> files, string set, int threads, string? lldDirectory,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        Run(files.Count, (progress, fileProgress) => set == EgemapsFeatureNames.SetName
            ? EgemapsBatchExtractor.Run(files, threads, lldDirectory, progress, cancellationToken)
            : Is10BatchExtractor.Run(files, new Is10BatchOptions(Is10VariantNames.Parse(set), threads, lldDirectory), progress, cancellationToken, fileProgress),
            stdout, stderr);

    /// <summary>Files with at least this much audio get their own progress (bar or lines).</summary>
    private const double LongFileSeconds = 60;

    private static Is10BatchResult Run(int fileCount, Func<Action<BatchProgress>?, Action<FileProgress>?, Is10BatchResult> batch,
        TextWriter stdout, TextWriter stderr)
    {
        Is10BatchResult result;
        if (Console.IsOutputRedirected || !ReferenceEquals(stdout, Console.Out))
        {
            // Plain lines: a long file reports every 10 % of its audio.
            var reported = new Dictionary<string, int>();
            result = batch(null, p =>
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
                    var task = context.AddTask($"Extracting {fileCount} files", maxValue: fileCount);
                    // A bar per long file, while it is being extracted.
                    var fileTasks = new Dictionary<string, ProgressTask>();
                    result = batch(
                        done =>
                        {
                            lock (task)
                            {
                                task.Increment(1);
                                if (fileTasks.Remove(done.File, out var fileTask)) fileTask.StopTask();
                            }
                        },
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
    public static FeatureTable ToFeatureTable(Is10BatchResult result, string set, string source)
    {
        var names = FeatureNames(set).ToArray();
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
