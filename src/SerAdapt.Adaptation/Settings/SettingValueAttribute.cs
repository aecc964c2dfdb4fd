namespace SerAdapt.Adaptation;

/// <summary>The kebab-case word of an enum value of a setting (e.g. <c>source-val</c>), the same everywhere.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class SettingValueAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}
