namespace SerAdapt.Features;

/// <summary>Options of <see cref="Is10BatchExtractor"/>.</summary>
/// <param name="Variant">Which openSMILE configuration to reproduce.</param>
/// <param name="MaxParallelism">Files processed at once; 0 = one per core.</param>
/// <param name="LldDirectory">When set, each file's LLDs are written there as openSMILE LLD csv
/// (&lt;name&gt;.IS10_lld.csv or &lt;name&gt;.IS10compat_lld.csv).</param>
public sealed record Is10BatchOptions(Is10Variant Variant = Is10Variant.Is10, int MaxParallelism = 0, string? LldDirectory = null);
