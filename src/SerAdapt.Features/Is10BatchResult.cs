namespace SerAdapt.Features;

/// <summary>Outcome of a batch: one row per file that succeeded (in input order) and the failures.</summary>
public sealed record Is10BatchResult(IReadOnlyList<FeatureRow> Rows, IReadOnlyList<BatchFailure> Failures, double AudioSeconds, TimeSpan Elapsed)
{
    public int Files => Rows.Count + Failures.Count;

    /// <summary>Seconds of audio processed per second of wall time.</summary>
    public double RealTimeFactor => Elapsed.TotalSeconds > 0 ? AudioSeconds / Elapsed.TotalSeconds : 0;
}
