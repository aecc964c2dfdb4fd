using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SerAdapt.Engine;

namespace SerAdapt.Benchmarks;

/// <summary>
/// GFLOP/s of a GEMM benchmark (2 * Batch * In * 1024 over the mean time), or that as a fraction of
/// the FMA peak of the same number of threads, measured in the host process when the table is made.
/// </summary>
public sealed class GflopsColumn(bool fractionOfPeak) : IColumn
{
    private static readonly ConcurrentDictionary<int, double> _peaks = new();

    public string Id => fractionOfPeak ? "FractionOfPeak" : "GFLOPs";
    public string ColumnName => fractionOfPeak ? "of peak" : "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => fractionOfPeak ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => fractionOfPeak
        ? "GFLOP/s divided by the FMA peak of as many threads (independent Vector512 FMA chains)"
        : "2 * Batch * In * Out / mean time, in 1e9 per second";

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNs is null)
            return "-";
        var p = benchmarkCase.Parameters;
        double flops = 2.0 * Convert.ToDouble(p["Batch"], CultureInfo.InvariantCulture) * Convert.ToDouble(p["In"], CultureInfo.InvariantCulture) * 1024;
        double gflops = flops / meanNs.Value;
        if (!fractionOfPeak)
            return gflops.ToString("F1", CultureInfo.InvariantCulture);
        int threads = Convert.ToInt32(p["Threads"], CultureInfo.InvariantCulture);
        double peak = _peaks.GetOrAdd(threads, t => FmaPeak.MeasureGflops(t, seconds: 2));
        return (gflops / peak).ToString("P0", CultureInfo.InvariantCulture);
    }
}
