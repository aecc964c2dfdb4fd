using System.Globalization;
using SerAdapt.Data;
using SerAdapt.Features;
using Spectre.Console;

namespace SerAdapt.Cli;

/// <summary>
/// The batch extraction (IS10, or any set through a batch function) as the CLI runs it (progress bar on a terminal, summary line, failure
/// list), shared by <c>extract</c> and by <c>import --root</c> without a feature file.
/// </summary>
internal static class AudioFeatureExtraction
{
    public static Is10BatchResult Run(IReadOnlyList<string> files, Is10BatchOptions options, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken) =>
        Run(files.Count, progress => Is10BatchExtractor.Run(files, options, progress, cancellationToken), stdout, stderr);

    /// <summary>Runs <paramref name="batch"/> (any feature set's batch extractor, given a progress callback) with the progress bar and summary.</summary>
    public static Is10BatchResult Run(int fileCount, Func<Action<BatchProgress>?, Is10BatchResult> batch, TextWriter stdout, TextWriter stderr)
    {
        Is10BatchResult result;
        if (Console.IsOutputRedirected || !ReferenceEquals(stdout, Console.Out))
        {
            result = batch(null);
        }
        else
        {
            result = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"Extracting {fileCount} files", maxValue: fileCount);
                    result = batch(_ => { lock (task) task.Increment(1); });
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
    public static FeatureTable ToFeatureTable(Is10BatchResult result, Is10Variant variant, string source) =>
        ToFeatureTable(result, Is10FeatureNames.Functionals(variant), source);

    /// <summary>The extracted rows as a feature table with the given feature names.</summary>
    public static FeatureTable ToFeatureTable(Is10BatchResult result, IReadOnlyList<string> featureNames, string source)
    {
        var names = featureNames.ToArray();
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
