namespace SerAdapt.Adaptation;

/// <summary>
/// A method in the <see cref="MethodRegistry"/>: how reports write its name, one line saying what it
/// does, whether it is one of the MRD paper's five systems (Table 1), its options (defaults and
/// declarations, read by the command line, the YAML config and model.json) and how it is created.
/// </summary>
public sealed class MethodEntry
{
    private readonly Func<object, IAdaptationMethod> _create;

    private MethodEntry(string display, string description, bool inPaper, object defaults, Func<object, IAdaptationMethod> create)
    {
        Display = display;
        Description = description;
        InPaper = inPaper;
        Defaults = defaults;
        _create = create;
        Name = create(defaults).Name;
    }

    /// <summary>The entry of a method whose options record is <typeparamref name="TOptions"/>.</summary>
    public static MethodEntry Of<TOptions>(string display, string description, bool inPaper, Func<TOptions, IAdaptationMethod> create)
        where TOptions : class =>
        new(display, description, inPaper, Adaptation.Settings.Defaults(typeof(TOptions)), o => create((TOptions)o));

    /// <summary>The command-line name, e.g. "mrd".</summary>
    public string Name { get; }

    /// <summary>As the paper writes it, e.g. "Deep CORAL".</summary>
    public string Display { get; }

    public string Description { get; }

    /// <summary>One of the MRD paper's five systems (reports put them first, the others in a second table).</summary>
    public bool InPaper { get; }

    /// <summary>The options record with its defaults.</summary>
    public object Defaults { get; }

    public IReadOnlyList<SettingDeclaration> Settings => Adaptation.Settings.Of(Defaults.GetType());

    /// <summary>The method with its defaults, changed by <paramref name="values"/> (settings it does not declare are ignored).</summary>
    public IAdaptationMethod Create(IReadOnlyDictionary<string, object>? values = null) =>
        _create(values is null ? Defaults : Adaptation.Settings.With(Defaults, values));

    /// <summary>The options record with <paramref name="values"/> applied.</summary>
    public object Options(IReadOnlyDictionary<string, object> values) => Adaptation.Settings.With(Defaults, values);
}
