namespace SerAdapt.Features;

/// <summary>Outcome of a batch: one row per file that succeeded (in input order) and the failures.</summary>
/// <param name="ResampledFiles">Successful files whose rate was not 16 kHz (resampled; openSMILE
/// parity is only defined for 16 kHz input).</param>
public sealed record Is10BatchResult(IReadOnlyList<FeatureRow> Rows, IReadOnlyList<BatchFailure> Failures, double AudioSeconds, TimeSpan Elapsed, int ResampledFiles)
{
    public int Files => Rows.Count + Failures.Count;

    /// <summary>Seconds of audio processed per second of wall time.</summary>
    public double RealTimeFactor => Elapsed.TotalSeconds > 0 ? AudioSeconds / Elapsed.TotalSeconds : 0;
}
