namespace SerAdapt.Experiments;

/// <summary>
/// The seed paper's Table 1 (MRD, Interspeech 2019): CCC in percent on the target, mean of 10 runs,
/// for IEMOCAP -> MSP-IMPROV and MSP-IMPROV -> IEMOCAP. Shown beside every report for reference.
/// </summary>
public static class PaperTable1
{
    public static readonly IReadOnlyList<string> Directions = ["IEMOCAP → MSP-IMPROV", "MSP-IMPROV → IEMOCAP"];

    /// <summary>CCC (%) by method, one value per entry of <see cref="Directions"/>.</summary>
    public static readonly IReadOnlyDictionary<string, double[]> CccPercent = new Dictionary<string, double[]>
    {
        ["source-only"] = [17.77, 19.22],
        ["train-on-target"] = [38.50, 39.56],
        ["dann"] = [21.28, 21.61],
        ["coral"] = [23.09, 14.25],
        ["mrd"] = [28.18, 24.33],
    };
}
