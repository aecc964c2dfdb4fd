namespace SerAdapt.Data;

/// <summary>
/// Sizes and seed of the built-in cross-corpus benchmark. The defaults are the sizes of USC-IEMOCAP
/// (10,039 utterances, 5 sessions x 2 speakers) and MSP-IMPROV (8,386, 6 x 2) with the 1582 IS10 features.
/// </summary>
public sealed record SyntheticBenchmarkOptions(
    int Seed = 0,
    int SourceSize = SyntheticBenchmarkOptions.IemocapSize,
    int TargetSize = SyntheticBenchmarkOptions.MspImprovSize,
    int Dimension = SyntheticBenchmarkOptions.Is10Dimension)
{
    public const int IemocapSize = 10039;
    public const int MspImprovSize = 8386;
    public const int Is10Dimension = 1582;

    /// <summary>Both corpora scaled by <paramref name="scale"/> (at least 12 utterances each).</summary>
    public static SyntheticBenchmarkOptions Scaled(double scale, int seed = 0)
    {
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be positive.");
        return new SyntheticBenchmarkOptions(seed,
            Math.Max(12, (int)Math.Round(IemocapSize * scale)), Math.Max(12, (int)Math.Round(MspImprovSize * scale)));
    }
}
