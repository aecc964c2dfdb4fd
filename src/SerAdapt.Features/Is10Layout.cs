namespace SerAdapt.Features;

/// <summary>Which LLD columns feed which block of functionals (IS10_paraling.conf).</summary>
internal static class Is10Layout
{
    /// <summary>
    /// The LLD columns, in functional output order, of the lld1 block (34 smoothed + their 34
    /// deltas) or of the lld2 block (F0final, jitterLocal, jitterDDP, shimmerLocal + deltas).
    /// </summary>
    public static IEnumerable<int> FunctionalColumns(bool lld2)
    {
        int first = lld2 ? Is10FeatureNames.Lld1Count : 0;
        int count = lld2 ? Is10FeatureNames.SmoothedCount - Is10FeatureNames.Lld1Count : Is10FeatureNames.Lld1Count;
        for (int c = 0; c < count; c++) yield return first + c;
        for (int c = 0; c < count; c++) yield return Is10FeatureNames.SmoothedCount + first + c;
    }
}
