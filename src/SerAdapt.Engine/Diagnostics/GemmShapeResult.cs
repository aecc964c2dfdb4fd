using System.Text.Json.Serialization;

namespace SerAdapt.Engine;

/// <summary>GEMM throughput at one shape: best and median over the timed calls, and as shares of the FMA peak.</summary>
public sealed record GemmShapeResult(
    [property: JsonPropertyName("shape")] string Shape,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("best_gflops")] double BestGflops,
    [property: JsonPropertyName("median_gflops")] double MedianGflops,
    [property: JsonIgnore] double PeakGflops)
{
    [JsonPropertyName("best_share_of_peak")]
    public double BestShareOfPeak => BestGflops / PeakGflops;

    [JsonPropertyName("median_share_of_peak")]
    public double MedianShareOfPeak => MedianGflops / PeakGflops;
}
