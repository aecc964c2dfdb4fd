namespace SerAdapt.Adaptation;

/// <summary>
/// Seconds per MRD batch (mean, median, best of the timed batches), the mean scaled to one
/// 10k + 10k epoch, and the bytes the training thread allocated per batch in steady state.
/// </summary>
public sealed record MrdBenchmarkResult(
    double MeanBatchSeconds, double MedianBatchSeconds, double BestBatchSeconds, double EpochSeconds10k,
    int BatchesPerEpoch, double AllocatedBytesPerBatch, int TimedBatches, string Configuration);
