namespace SerAdapt.Features;

/// <summary>The names the command line uses for <see cref="Is10Variant"/>: <c>is10</c> and <c>is10-compat</c>.</summary>
public static class Is10VariantNames
{
    public const string Is10 = "is10";
    public const string Is10Compat = "is10-compat";

    public static string Name(Is10Variant variant) => variant == Is10Variant.Is10Compat ? Is10Compat : Is10;

    public static Is10Variant Parse(string name) => name switch
    {
        Is10 => Is10Variant.Is10,
        Is10Compat => Is10Variant.Is10Compat,
        _ => throw new ArgumentException($"Unknown IS10 variant '{name}'; expected {Is10} or {Is10Compat}."),
    };
}
