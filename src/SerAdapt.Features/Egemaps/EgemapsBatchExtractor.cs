using System.Diagnostics;

namespace SerAdapt.Features.Egemaps;

/// <summary>
/// eGeMAPSv02 over many files in parallel, with the failure handling of <see cref="Is10BatchExtractor"/>
/// (one clear message per bad file, the others still processed; unique instance names).
/// </summary>
public static class EgemapsBatchExtractor
{
    /// <param name="maxParallelism">Files processed at once; 0 = one per core.</param>
    /// <param name="lldDirectory">When set, each file's LLDs are written there as &lt;name&gt;.eGeMAPSv02_lld.csv.</param>
    public static Is10BatchResult Run(IReadOnlyList<string> files, int maxParallelism = 0, string? lldDirectory = null,
        Action<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        Is10BatchExtractor.ThrowOnDuplicateNames(files);
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
                var extraction = EgemapsExtractor.ExtractFile(files[i]);
                if (lldDirectory is not null)
                    EgemapsLldCsvWriter.Write(Path.Combine(lldDirectory, extraction.InstanceName + EgemapsLldCsvWriter.FileSuffix),
                        extraction.InstanceName, extraction.Lld);
                rows[i] = new FeatureRow(extraction.InstanceName, extraction.Functionals);
                durations[i] = extraction.DurationSeconds;
                if (extraction.OriginalSampleRate != EgemapsExtractor.SampleRate) Interlocked.Increment(ref resampled);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors[i] = Is10BatchExtractor.FailureMessage(files[i], ex);
            }
            progress?.Invoke(new BatchProgress(Interlocked.Increment(ref completed), files.Count, files[i], errors[i] is not null));
        });
        clock.Stop();
        var failures = new List<BatchFailure>();
        for (int i = 0; i < files.Count; i++) if (rows[i] is null) failures.Add(new BatchFailure(files[i], errors[i]!));
        return new Is10BatchResult([.. rows.OfType<FeatureRow>()], failures, durations.Sum(), clock.Elapsed, resampled);
    }
}
