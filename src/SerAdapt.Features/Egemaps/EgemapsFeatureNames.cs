namespace SerAdapt.Features.Egemaps;

/// <summary>openSMILE's names of the 88 eGeMAPSv02 functionals and the 25 LLD columns, in output order.</summary>
public static class EgemapsFeatureNames
{
    /// <summary>The name of this feature set on the command line (<c>extract --set egemaps</c>).</summary>
    public const string SetName = "egemaps";

    private static readonly string[] s_lld =
    [
        "Loudness_sma3", "alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3",
        "spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3",
        "F0semitoneFrom27.5Hz_sma3nz", "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz", "HNRdBACF_sma3nz",
        "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz",
        "F1frequency_sma3nz", "F1bandwidth_sma3nz", "F1amplitudeLogRelF0_sma3nz",
        "F2frequency_sma3nz", "F2bandwidth_sma3nz", "F2amplitudeLogRelF0_sma3nz",
        "F3frequency_sma3nz", "F3bandwidth_sma3nz", "F3amplitudeLogRelF0_sma3nz",
    ];

    private static readonly string[] s_functionals = BuildFunctionals();

    public static IReadOnlyList<string> Lld => s_lld;

    public static IReadOnlyList<string> Functionals => s_functionals;

    private static string[] BuildFunctionals()
    {
        string[] contour = ["amean", "stddevNorm", "percentile20.0", "percentile50.0", "percentile80.0", "pctlrange0-2",
            "meanRisingSlope", "stddevRisingSlope", "meanFallingSlope", "stddevFallingSlope"];
        string[] meanStd = ["amean", "stddevNorm"];
        var names = new List<string>(EgemapsFunctionals.Count);
        names.AddRange(contour.Select(f => "F0semitoneFrom27.5Hz_sma3nz_" + f));
        names.AddRange(contour.Select(f => "loudness_sma3_" + f));
        foreach (var lld in new[] { "spectralFlux", "mfcc1", "mfcc2", "mfcc3", "mfcc4" })
            names.AddRange(meanStd.Select(f => $"{lld}_sma3_{f}"));
        foreach (var lld in s_lld.Skip(11))
            names.AddRange(meanStd.Select(f => $"{lld}_{f}"));
        foreach (var lld in new[] { "alphaRatioV", "hammarbergIndexV", "slopeV0-500", "slopeV500-1500", "spectralFluxV", "mfcc1V", "mfcc2V", "mfcc3V", "mfcc4V" })
            names.AddRange(meanStd.Select(f => $"{lld}_sma3nz_{f}"));
        foreach (var lld in new[] { "alphaRatioUV", "hammarbergIndexUV", "slopeUV0-500", "slopeUV500-1500", "spectralFluxUV" })
            names.Add($"{lld}_sma3nz_amean");
        names.AddRange(["loudnessPeaksPerSec", "VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec", "StddevVoicedSegmentLengthSec",
            "MeanUnvoicedSegmentLength", "StddevUnvoicedSegmentLength", "equivalentSoundLevel_dBp"]);
        return [.. names];
    }
}
