using System.CommandLine;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Cli;

/// <summary>
/// One flag per declared setting of a <see cref="MethodRegistry"/> (<c>--lr</c>, <c>--m</c>,
/// <c>--coral-lambda</c>, ...), generated from the declarations: the flag is the setting's name, its help
/// the declared description, range and default, and for a method's setting the methods that use it.
/// A flag that is not given leaves the value to the config file or the default.
/// </summary>
public sealed class SettingOptions
{
    private readonly List<(SettingDeclaration Setting, Option<string> Option, bool Training)> _options = [];

    public SettingOptions(MethodRegistry registry)
    {
        foreach (var d in registry.TrainingSettings)
            _options.Add((d, Flag(d, d.Help), true));
        foreach (var d in registry.MethodSettings)
            _options.Add((d, Flag(d, $"{d.Help} Used by: {string.Join(", ", registry.UsersOf(d.Name))}."), false));
    }

    public void AddTo(Command command)
    {
        foreach (var (_, option, _) in _options) command.Options.Add(option);
    }

    /// <summary>Config <paramref name="config"/> with the settings given on the command line over its own.</summary>
    public ExperimentConfig Apply(ExperimentConfig config, ParseResult parse)
    {
        var methods = new Dictionary<string, object>(config.MethodSettings, StringComparer.Ordinal);
        foreach (var (name, value) in Methods(parse)) methods[name] = value;
        return config with { Training = Settings.With(config.Training, Training(parse)), MethodSettings = methods };
    }

    /// <summary>The training settings given on the command line, parsed and range-checked.</summary>
    public Dictionary<string, object> Training(ParseResult parse) => Given(parse, training: true);

    /// <summary>The method settings given on the command line, parsed and range-checked.</summary>
    public Dictionary<string, object> Methods(ParseResult parse) => Given(parse, training: false);

    private Dictionary<string, object> Given(ParseResult parse, bool training)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (d, option, isTraining) in _options)
            if (isTraining == training && parse.GetValue(option) is { } text)
                values[d.Name] = d.Parse(text);
        return values;
    }

    private static Option<string> Flag(SettingDeclaration d, string help) => new("--" + d.Name)
    {
        Description = help,
        HelpName = d.Type.IsEnum ? string.Join("|", d.Choices) : d.Type == typeof(int) ? "int" : d.Type == typeof(float) ? "number" : "bool",
    };
}
