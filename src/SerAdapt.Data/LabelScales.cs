namespace SerAdapt.Data;

/// <summary>The scale of each label dimension of a corpus.</summary>
public sealed record LabelScales(LabelScale Valence, LabelScale Arousal, LabelScale Dominance)
{
    /// <summary>IEMOCAP's and MSP-IMPROV's 1-5, also assumed for corpus files written before scales were recorded.</summary>
    public static LabelScales OneToFive { get; } = Uniform(LabelScale.OneToFive);

    public static LabelScales Uniform(LabelScale scale) => new(scale, scale, scale);

    /// <summary>The scale of "valence", "arousal" or "dominance"; any other name (a generic CSV's label column) is read as valence.</summary>
    public LabelScale For(string label) => label switch
    {
        "arousal" => Arousal,
        "dominance" => Dominance,
        _ => Valence,
    };
}
