using System.Globalization;

namespace SerAdapt.Data;

/// <summary>
/// The rating scale of an emotion label, MIN to MAX (IEMOCAP and MSP-IMPROV rate 1-5, MSP-Podcast
/// 1-7). Values must lie on it (NaN = missing is always allowed); <see cref="MapTo"/> carries a value
/// to another scale by the affine map that sends MIN to MIN and MAX to MAX.
/// </summary>
public sealed record LabelScale(float Min, float Max)
{
    public static LabelScale OneToFive { get; } = new(1, 5);
    public static LabelScale OneToSeven { get; } = new(1, 7);

    public bool Contains(float value) => float.IsNaN(value) || (value >= Min && value <= Max);

    /// <summary>y = Slope * x + Offset maps this scale onto <paramref name="target"/>.</summary>
    public (float Slope, float Offset) AffineTo(LabelScale target)
    {
        float slope = (target.Max - target.Min) / (Max - Min);
        return (slope, target.Min - slope * Min);
    }

    /// <summary>The values carried onto <paramref name="target"/> (NaN stays NaN).</summary>
    public float[] MapTo(LabelScale target, float[] values)
    {
        var (slope, offset) = AffineTo(target);
        return values.Select(v => slope * v + offset).ToArray();
    }

    /// <summary>"1-7 to 1-5: y' = 0.6667 * y + 0.3333", for logs and model.json.</summary>
    public string DescribeMapTo(LabelScale target)
    {
        var (slope, offset) = AffineTo(target);
        return string.Create(CultureInfo.InvariantCulture, $"{this} to {target}: y' = {slope:0.####} * y + {offset:0.####}");
    }

    public override string ToString() =>
        $"{Min.ToString(CultureInfo.InvariantCulture)}-{Max.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"MIN,MAX", as <see cref="Parse"/> reads it (and as corpus files store it).</summary>
    public string ToText() =>
        $"{Min.ToString("R", CultureInfo.InvariantCulture)},{Max.ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Reads "MIN-MAX" as <see cref="ToString"/> writes it (e.g. "1-5", "-1-1", "-2.5-2.5"); false for
    /// anything else, including MIN &gt;= MAX.
    /// </summary>
    public static bool TryParseRange(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LabelScale? scale)
    {
        scale = null;
        // The separator is a '-' that is neither a leading sign nor an exponent's or the separator's sign.
        for (int i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '-' || text[i - 1] is 'e' or 'E' or '-') continue;
            if (float.TryParse(text.AsSpan(0, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
                && float.TryParse(text.AsSpan(i + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
                && float.IsFinite(min) && float.IsFinite(max) && min < max)
            {
                scale = new LabelScale(min, max);
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses "MIN,MAX" (e.g. "1,5").</summary>
    public static LabelScale Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2
            || !float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            || !float.IsFinite(min) || !float.IsFinite(max) || !(min < max))
            throw new FormatException($"label scale '{text}' is not MIN,MAX with MIN < MAX.");
        return new LabelScale(min, max);
    }
}
