using System.Text.Json.Serialization;

namespace SerAdapt.Engine;

/// <summary>
/// What <c>seradapt bench</c> reports. The MRD figures are filled in by a caller that can train the
/// network (the CLI, with SerAdapt.Adaptation's MrdBenchmark); they stay null otherwise.
/// </summary>
public sealed record EngineBenchmarkResult(
    [property: JsonPropertyName("peak_gflops")] double PeakGflops,
    [property: JsonPropertyName("gemm_gflops")] IReadOnlyDictionary<string, double> GemmGflops,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("kernel")] string Kernel,
    [property: JsonPropertyName("gemm_shapes")] IReadOnlyList<GemmShapeResult> Shapes)
{
    /// <summary>The processor (CPUID brand string, microarchitecture, family and model, vector width).</summary>
    [JsonPropertyName("cpu")]
    public string? Cpu { get; init; }

    /// <summary>Each operation's GFLOP/s (gemm_gflops) as a share of the peak.</summary>
    [JsonPropertyName("gemm_share_of_peak")]
    public IReadOnlyDictionary<string, double> GemmShareOfPeak => GemmGflops.ToDictionary(kv => kv.Key, kv => kv.Value / PeakGflops);

    /// <summary>GFLOP of matrix products in one MRD batch.</summary>
    [JsonPropertyName("mrd_gemm_gflop_per_batch")]
    public double? MrdGemmGflopPerBatch { get; init; }

    /// <summary>The MRD batch's matrix-product flops over its mean time, as a share of the peak (what the whole batch makes of the FMA units).</summary>
    [JsonPropertyName("mrd_share_of_peak")]
    public double? MrdShareOfPeak => MrdGemmGflopPerBatch / MrdBatchSeconds / PeakGflops;

    /// <summary>Mean seconds per MRD batch scaled to an epoch of 10,000 source + 10,000 target utterances.</summary>
    [JsonPropertyName("mrd_epoch_seconds_10k")]
    public double? MrdEpochSeconds10k { get; init; }

    [JsonPropertyName("mrd_batch_seconds")]
    public double? MrdBatchSeconds { get; init; }

    [JsonPropertyName("mrd_batch_seconds_median")]
    public double? MrdBatchSecondsMedian { get; init; }

    [JsonPropertyName("mrd_allocated_bytes_per_batch")]
    public double? MrdAllocatedBytesPerBatch { get; init; }

    [JsonPropertyName("mrd_configuration")]
    public string? MrdConfiguration { get; init; }
}
