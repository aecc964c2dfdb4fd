using System.Text.Json.Serialization;

namespace SerAdapt.Engine;

/// <summary>
/// What <c>seradapt bench</c> reports. A record so later measurements (e.g. seconds per MRD epoch)
/// can be added with <c>with</c> or new properties.
/// </summary>
public sealed record EngineBenchmarkResult(
    [property: JsonPropertyName("peak_gflops")] double PeakGflops,
    [property: JsonPropertyName("gemm_gflops")] IReadOnlyDictionary<string, double> GemmGflops,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("kernel")] string Kernel,
    [property: JsonPropertyName("gemm_shapes")] IReadOnlyList<GemmShapeResult> Shapes);
