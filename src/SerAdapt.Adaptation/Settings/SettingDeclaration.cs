using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SerAdapt.Adaptation;

/// <summary>
/// One declared setting (see <see cref="SettingAttribute"/>): its name, help, type, default and range,
/// and how its value is read from text (a command-line flag or a YAML scalar), checked and written as JSON.
/// Values are boxed: <see cref="int"/>, <see cref="float"/>, <see cref="bool"/> or an enum.
/// </summary>
public sealed class SettingDeclaration
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly SettingAttribute _attribute;

    internal SettingDeclaration(PropertyInfo property, SettingAttribute attribute, object defaults)
    {
        Property = property;
        _attribute = attribute;
        Default = property.GetValue(defaults) ?? throw new ArgumentException($"Setting '{attribute.Name}' has no default.");
        if (Type != typeof(int) && Type != typeof(float) && Type != typeof(bool) && !Type.IsEnum)
            throw new ArgumentException($"Setting '{attribute.Name}' has type {Type.Name}; settings are int, float, bool or an enum.");
    }

    public string Name => _attribute.Name;

    public string Description => _attribute.Description;

    public Type Type => Property.PropertyType;

    public object Default { get; }

    public bool AffectsResults => _attribute.AffectsResults;

    internal PropertyInfo Property { get; }

    /// <summary>The words of an enum setting, in declaration order (empty otherwise).</summary>
    public IReadOnlyList<string> Choices => Type.IsEnum ? EnumWords(Type).Select(w => w.Word).ToList() : [];

    /// <summary>What the value may be, for help and errors: "at least 1", "in [0, 1)", "fixed | source-val | oracle".</summary>
    public string Range
    {
        get
        {
            if (Type.IsEnum) return string.Join(" | ", Choices);
            if (Type == typeof(bool)) return "true | false";
            bool low = !double.IsNegativeInfinity(_attribute.Min), high = !double.IsPositiveInfinity(_attribute.Max);
            string min = Number(_attribute.Min), max = Number(_attribute.Max);
            if (low && high) return $"in {(_attribute.MinExclusive ? "(" : "[")}{min}, {max}{(_attribute.MaxExclusive ? ")" : "]")}";
            if (low) return _attribute.MinExclusive ? (_attribute.Min == 0 ? "positive" : $"greater than {min}") : $"at least {min}";
            if (high) return _attribute.MaxExclusive ? $"less than {max}" : $"at most {max}";
            return Type == typeof(int) ? "a whole number" : "a finite number";
        }
    }

    /// <summary>Help text: the description, the range and the default.</summary>
    public string Help => Type.IsEnum
        ? $"{Description}: {string.Join("; ", EnumWords(Type).Select(w => $"{w.Word} = {w.Description}"))} (default {Format(Default)})."
        : $"{Description} ({Range}; default {Format(Default)}).";

    /// <summary>The value of this setting in <paramref name="options"/>.</summary>
    public object Get(object options) => Property.GetValue(options)!;

    /// <summary>Reads <paramref name="text"/> (invariant culture) and checks the range; <see cref="InvalidSettingException"/> if it does not fit.</summary>
    public object Parse(string text)
    {
        object value;
        if (Type == typeof(int))
            value = int.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out int i) ? i : throw Invalid($"must be a whole number, got '{text}'.");
        else if (Type == typeof(float))
            value = float.TryParse(text, NumberStyles.Float, Inv, out float f) && float.IsFinite(f) ? f : throw Invalid($"must be a number, got '{text}'.");
        else if (Type == typeof(bool))
            value = bool.TryParse(text, out bool b) ? b : throw Invalid($"must be true or false, got '{text}'.");
        else
            value = EnumWords(Type).FirstOrDefault(w => w.Word == text).Value ?? throw Invalid($"must be one of {Range}, got '{text}'.");
        Check(value);
        return value;
    }

    /// <summary>Throws <see cref="InvalidSettingException"/> when <paramref name="value"/> is out of range.</summary>
    public void Check(object value)
    {
        if (Type != typeof(int) && Type != typeof(float)) return;
        double v = Convert.ToDouble(value, Inv);
        bool ok = double.IsFinite(v)
            && (_attribute.MinExclusive ? v > _attribute.Min : v >= _attribute.Min)
            && (_attribute.MaxExclusive ? v < _attribute.Max : v <= _attribute.Max);
        if (!ok) throw Invalid($"must be {Range}, got {Format(value)}.");
    }

    /// <summary>The value as written in help, YAML and reports ("1E-04" is "0.0001", an enum its word).</summary>
    public string Format(object value) => value switch
    {
        float f => f.ToString("R", Inv),
        bool b => b ? "true" : "false",
        Enum e => EnumWords(Type).First(w => Equals(w.Value, e)).Word,
        _ => Convert.ToString(value, Inv) ?? "",
    };

    public JsonNode ToJson(object value) => value switch
    {
        int i => JsonValue.Create(i),
        float f => JsonValue.Create(f),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(Format(value)),
    };

    /// <summary>Reads a value written by <see cref="ToJson"/>.</summary>
    public object FromJson(JsonNode node) => node is JsonValue v && v.TryGetValue(out string? s) ? Parse(s) : Parse(node.ToJsonString());

    private InvalidSettingException Invalid(string problem) => new(Name, problem);

    private static string Number(double v) => v.ToString("R", Inv);

    /// <summary>The enum's values and their declared words (<see cref="SettingValueAttribute"/>, else the lower-case name).</summary>
    internal static IEnumerable<(string Word, string Description, object Value)> EnumWords(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f =>
        {
            var a = f.GetCustomAttribute<SettingValueAttribute>();
            return (a?.Name ?? f.Name.ToLowerInvariant(), a?.Description ?? "", f.GetValue(null)!);
        });
}
