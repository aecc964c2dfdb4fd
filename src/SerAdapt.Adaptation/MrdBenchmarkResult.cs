namespace SerAdapt.Adaptation;

/// <summary>
/// Seconds per MRD batch (mean, median, best of the timed batches), the mean scaled to one
/// 10k + 10k epoch, the bytes the training thread allocated per batch in steady state, and the
/// floating-point operations of a batch's matrix products (to compare with the FMA peak).
/// </summary>
public sealed record MrdBenchmarkResult(
    double MeanBatchSeconds, double MedianBatchSeconds, double BestBatchSeconds, double EpochSeconds10k,
    int BatchesPerEpoch, double AllocatedBytesPerBatch, int TimedBatches, string Configuration, double GemmFlopsPerBatch);
