using System.Globalization;

namespace SerAdapt.Data;

/// <summary>The allowed range of emotion labels (the corpora in the paper rate on 1-5). NaN (missing) is always allowed.</summary>
public sealed record LabelRange(float Min, float Max)
{
    public static LabelRange OneToFive { get; } = new(1, 5);

    public bool Contains(float value) => float.IsNaN(value) || (value >= Min && value <= Max);

    public override string ToString() =>
        $"{Min.ToString(CultureInfo.InvariantCulture)}-{Max.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses "MIN,MAX" (e.g. "1,5").</summary>
    public static LabelRange Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2
            || !float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            || !(min < max))
            throw new FormatException($"label range '{text}' is not MIN,MAX with MIN < MAX.");
        return new LabelRange(min, max);
    }
}
