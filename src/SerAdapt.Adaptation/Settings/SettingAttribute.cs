namespace SerAdapt.Adaptation;

/// <summary>
/// Declares a setting where its code lives: its kebab-case <see cref="Name"/> (the same word as a
/// command-line flag, a YAML key and a model.json key), one line of help, and its allowed range. The
/// property's value in a default-constructed options record is the default.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Smallest allowed value (numbers only).</summary>
    public double Min { get; init; } = double.NegativeInfinity;

    /// <summary>Largest allowed value (numbers only).</summary>
    public double Max { get; init; } = double.PositiveInfinity;

    /// <summary>Whether <see cref="Min"/> itself is excluded.</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Whether <see cref="Max"/> itself is excluded.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>False for settings that change speed only (threads): left out of fingerprints and comparisons.</summary>
    public bool AffectsResults { get; init; } = true;
}
