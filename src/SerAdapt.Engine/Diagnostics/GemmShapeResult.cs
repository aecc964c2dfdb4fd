using System.Text.Json.Serialization;

namespace SerAdapt.Engine;

/// <summary>GEMM throughput at one shape: best and median over the timed calls.</summary>
public sealed record GemmShapeResult(
    [property: JsonPropertyName("shape")] string Shape,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("best_gflops")] double BestGflops,
    [property: JsonPropertyName("median_gflops")] double MedianGflops);
