using System.Diagnostics;

namespace SerAdapt.Features;

/// <summary>
/// Extracts many files in parallel (one file per worker, so memory grows with the number of
/// workers, not of files). A file that fails (unreadable, not WAV, unsupported encoding, too
/// short) becomes a <see cref="BatchFailure"/>; the other files are still processed. File names
/// must be unique (they are the instance ids): a clash is reported before any work starts.
/// </summary>
public static class Is10BatchExtractor
{
    /// <summary>Expands folders (recursively, *.wav in any letter case, sorted) and keeps file paths
    /// as given, also paths that do not exist: those fail later with a clear message.</summary>
    public static IReadOnlyList<string> FindAudioFiles(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            IEnumerable<string> found = Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                : [input];
            foreach (var f in found)
                if (seen.Add(Path.GetFullPath(f))) files.Add(f);
        }
        return files;
    }

    /// <param name="progress">Called after each file.</param>
    /// <param name="fileProgress">Called while a file is extracted (every ~4 s of audio).</param>
    public static Is10BatchResult Run(IReadOnlyList<string> files, Is10BatchOptions options,
        Action<BatchProgress>? progress = null, CancellationToken cancellationToken = default, Action<FileProgress>? fileProgress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(files, options.MaxParallelism, path =>
        {
            var extraction = Is10Extractor.ExtractFile(path, options.Variant,
                fileProgress is null ? null : (done, total) => fileProgress(new FileProgress(path, done, total)));
            if (options.LldDirectory is not null)
            {
                string lldPath = Path.Combine(options.LldDirectory,
                    extraction.InstanceName + OpenSmileLldCsvWriter.FileSuffix(options.Variant));
                OpenSmileLldCsvWriter.Write(lldPath, extraction.InstanceName, extraction.Lld);
            }
            return (new FeatureRow(extraction.InstanceName, extraction.Functionals), extraction.DurationSeconds,
                extraction.OriginalSampleRate != Is10Extractor.SampleRate);
        }, progress, cancellationToken);
    }

    /// <summary>The batch loop of any feature set: <paramref name="extract"/> turns one path into its
    /// row, audio seconds and whether it was resampled (and writes any side files).</summary>
    internal static Is10BatchResult Run(IReadOnlyList<string> files, int maxParallelism,
        Func<string, (FeatureRow Row, double Seconds, bool Resampled)> extract,
        Action<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ThrowOnDuplicateNames(files);
        var clock = Stopwatch.StartNew();
        var rows = new FeatureRow?[files.Count];
        var durations = new double[files.Count];
        var errors = new string?[files.Count];
        int completed = 0, resampled = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, files.Count, parallel, i =>
        {
            try
            {
                (rows[i], durations[i], bool wasResampled) = extract(files[i]);
                if (wasResampled) Interlocked.Increment(ref resampled);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors[i] = FailureMessage(files[i], ex);
            }
            int done = Interlocked.Increment(ref completed);
            progress?.Invoke(new BatchProgress(done, files.Count, files[i], errors[i] is not null));
        });
        clock.Stop();

        var okRows = new List<FeatureRow>(files.Count);
        var failures = new List<BatchFailure>();
        for (int i = 0; i < files.Count; i++)
        {
            if (rows[i] is { } row) okRows.Add(row);
            else failures.Add(new BatchFailure(files[i], errors[i]!));
        }
        return new Is10BatchResult(okRows, failures, durations.Sum(), clock.Elapsed, resampled);
    }

    private static void ThrowOnDuplicateNames(IReadOnlyList<string> files)
    {
        var groups = files.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<string>)g.ToList())
            .ToList();
        if (groups.Count > 0) throw new DuplicateInstanceNameException(groups);
    }

    /// <summary>"path: reason", the form every failure is listed in (the WAV reader's messages
    /// already start with the path; the runtime's own I/O messages are replaced by a short reason).</summary>
    internal static string FailureMessage(string file, Exception ex) => ex switch
    {
        _ when ex.Message.StartsWith(file, StringComparison.Ordinal) => ex.Message,
        FileNotFoundException => $"{file}: no such file",
        DirectoryNotFoundException => $"{file}: no such folder",
        UnauthorizedAccessException => $"{file}: permission denied",
        _ => $"{file}: {ex.Message}",
    };
}
