namespace SerAdapt.Features;

/// <summary>
/// openSMILE's names for the 76 IS10 LLD columns and the 1582 functionals, generated from the
/// layout of IS10_paraling.conf (identical to IS10_lld_names.txt, IS10_feature_names.txt and
/// IS10compat_feature_names.txt of the reference; the tests compare them line by line).
/// </summary>
public static class Is10FeatureNames
{
    /// <summary>Number of functionals of both variants.</summary>
    public const int Count = 1582;

    /// <summary>The 21 functionals of the 34 "lld1" contours and their deltas, in output order.</summary>
    internal static readonly string[] Lld1Functionals =
    [
        "maxPos", "minPos", "amean", "linregc1", "linregc2", "linregerrA", "linregerrQ",
        "stddev", "skewness", "kurtosis", "quartile1", "quartile2", "quartile3",
        "iqr1-2", "iqr2-3", "iqr1-3", "percentile1.0", "percentile99.0", "pctlrange0-1",
        "upleveltime75", "upleveltime90",
    ];

    /// <summary>The 19 functionals of the 4 "lld2" (pitch/jitter/shimmer) contours and their deltas.</summary>
    internal static readonly string[] Lld2Functionals =
        [.. Lld1Functionals.Where(f => f is not ("percentile1.0" or "pctlrange0-1"))];

    /// <summary>Number of smoothed LLDs (34 lld1 + 4 lld2); the deltas follow in the same order.</summary>
    internal const int SmoothedCount = 38;

    /// <summary>Number of lld1 contours (plain smoothing); columns 34..37 are the lld2 contours.</summary>
    internal const int Lld1Count = 34;

    private static readonly string[] s_lld = BuildLld();
    private static readonly string[] s_is10 = BuildFunctionals("F0final__Turn_onsetRate");
    private static readonly string[] s_compat = BuildFunctionals("F0final__Turn_numOnsets");

    /// <summary>The 76 LLD column names (IS10_lld_names.txt order = LLD csv/htk column order).</summary>
    public static IReadOnlyList<string> Lld => s_lld;

    /// <summary>The 1582 functional names of <paramref name="variant"/>, in openSMILE's output order.</summary>
    public static IReadOnlyList<string> Functionals(Is10Variant variant) =>
        variant == Is10Variant.Is10Compat ? s_compat : s_is10;

    private static string[] BuildLld()
    {
        var smoothed = new List<string> { "pcm_loudness_sma" };
        for (int i = 0; i < 15; i++) smoothed.Add($"mfcc_sma[{i}]");
        for (int i = 0; i < 8; i++) smoothed.Add($"logMelFreqBand_sma[{i}]");
        for (int i = 0; i < 8; i++) smoothed.Add($"lspFreq_sma[{i}]");
        smoothed.AddRange(["F0finEnv_sma", "voicingFinalUnclipped_sma",
            "F0final_sma", "jitterLocal_sma", "jitterDDP_sma", "shimmerLocal_sma"]);
        return [.. smoothed, .. smoothed.Select(DeltaName)];
    }

    // "mfcc_sma[3]" -> "mfcc_sma_de[3]", "pcm_loudness_sma" -> "pcm_loudness_sma_de"
    private static string DeltaName(string name)
    {
        int bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? name + "_de" : name[..bracket] + "_de" + name[bracket..];
    }

    private static string[] BuildFunctionals(string onsetName)
    {
        var names = new List<string>(Count);
        foreach (int column in Is10Layout.FunctionalColumns(lld2: false))
            foreach (var f in Lld1Functionals) names.Add($"{s_lld[column]}_{f}");
        foreach (int column in Is10Layout.FunctionalColumns(lld2: true))
            foreach (var f in Lld2Functionals) names.Add($"{s_lld[column]}_{f}");
        names.Add(onsetName);
        names.Add("F0final__Turn_duration");
        return [.. names];
    }
}
