namespace SerAdapt.Features.Egemaps;

/// <summary>
/// eGeMAPSv02 over many files in parallel, with the batch loop of <see cref="Is10BatchExtractor"/>
/// (one clear message per bad file, the others still processed; unique instance names).
/// </summary>
public static class EgemapsBatchExtractor
{
    /// <param name="maxParallelism">Files processed at once; 0 = one per core.</param>
    /// <param name="lldDirectory">When set, each file's LLDs are written there as &lt;name&gt;.eGeMAPSv02_lld.csv.</param>
    public static Is10BatchResult Run(IReadOnlyList<string> files, int maxParallelism = 0, string? lldDirectory = null,
        Action<BatchProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Is10BatchExtractor.Run(files, maxParallelism, path =>
        {
            var extraction = EgemapsExtractor.ExtractFile(path);
            if (lldDirectory is not null)
                EgemapsLldCsvWriter.Write(Path.Combine(lldDirectory, extraction.InstanceName + EgemapsLldCsvWriter.FileSuffix),
                    extraction.InstanceName, extraction.BuildLld());
            return (new FeatureRow(extraction.InstanceName, extraction.Functionals), extraction.DurationSeconds,
                extraction.OriginalSampleRate != EgemapsExtractor.SampleRate);
        }, progress, cancellationToken);
}
