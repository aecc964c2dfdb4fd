using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SerAdapt.Adaptation;

/// <summary>
/// Reads the <see cref="SettingAttribute"/> declarations of an options record and works with them:
/// copies with one setting changed, range checks, and JSON with the declared names. The command line,
/// the YAML config and model.json all go through here, so a setting is declared exactly once.
/// </summary>
public static class Settings
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<SettingDeclaration>> Cache = new();

    /// <summary>The declared settings of <paramref name="type"/> (a record with a parameterless or all-default constructor), in declaration order.</summary>
    public static IReadOnlyList<SettingDeclaration> Of(Type type) => Cache.GetOrAdd(type, t =>
    {
        var defaults = Defaults(t);
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SettingAttribute>()))
            .Where(p => p.Attribute is not null)
            .OrderBy(p => p.Property.MetadataToken)
            .Select(p => new SettingDeclaration(p.Property, p.Attribute!, defaults))
            .ToList();
    });

    /// <summary>
    /// A default <paramref name="type"/>: from its parameterless constructor, or from a constructor whose
    /// parameters all have defaults (a positional record such as <c>MrdOptions(int EncoderSteps = 3, ...)</c>).
    /// </summary>
    public static object Defaults(Type type)
    {
        var ctor = type.GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.HasDefaultValue))
            ?? throw new ArgumentException($"{type.Name} needs a constructor whose parameters all have defaults.");
        return ctor.Invoke(ctor.GetParameters().Select(p => p.DefaultValue).ToArray());
    }

    /// <summary>A copy of <paramref name="options"/> with each named value set (names it does not declare are ignored).</summary>
    public static T With<T>(T options, IReadOnlyDictionary<string, object> values) where T : class
    {
        var declarations = Of(options.GetType()).Where(d => values.ContainsKey(d.Name)).ToList();
        if (declarations.Count == 0) return options;
        var copy = (T)Clone(options);
        foreach (var d in declarations)
        {
            d.Check(values[d.Name]);
            d.Property.SetValue(copy, values[d.Name]);
        }
        return copy;
    }

    /// <summary>Throws <see cref="InvalidSettingException"/> naming the first setting out of range.</summary>
    public static void Validate(object options)
    {
        foreach (var d in Of(options.GetType()))
            d.Check(d.Get(options));
    }

    /// <summary>Every declared setting of <paramref name="options"/> by its declared name.</summary>
    public static JsonObject ToJson(object options)
    {
        var json = new JsonObject();
        foreach (var d in Of(options.GetType()))
            json[d.Name] = d.ToJson(d.Get(options));
        return json;
    }

    /// <summary>The values of <paramref name="options"/> by declared name.</summary>
    public static Dictionary<string, object> Values(object options) =>
        Of(options.GetType()).ToDictionary(d => d.Name, d => d.Get(options), StringComparer.Ordinal);

    // Records have a compiler-made clone method (what 'with' calls).
    private static object Clone(object options) =>
        options.GetType().GetMethod("<Clone>$")?.Invoke(options, null)
        ?? throw new ArgumentException($"{options.GetType().Name} is not a record.");
}
