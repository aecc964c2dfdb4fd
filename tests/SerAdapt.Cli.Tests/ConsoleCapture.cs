using Spectre.Console;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// Sends Console.Out and Spectre's AnsiConsole (plain text, Unicode borders, 200 columns, not
/// interactive) to one writer until disposed. Both are process-wide: tests that use it belong to
/// the <see cref="ConsoleCollection"/>, which xunit runs alone.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly StringWriter _writer = new();
    private readonly TextWriter _previousOut = Console.Out;
    private readonly IAnsiConsole _previousAnsi = AnsiConsole.Console;

    public ConsoleCapture()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_writer),
        });
        console.Profile.Width = 200;
        console.Profile.Capabilities.Unicode = true;
        Console.SetOut(_writer);
        AnsiConsole.Console = console;
    }

    public string Text => _writer.ToString();

    /// <summary>Runs the command line as <see cref="CliHarness.Run"/>; Out also holds what went to the console.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args) => Run(CliHarness.Root(), args);

    public static (int Code, string Out, string Err) Run(System.CommandLine.RootCommand root, params string[] args)
    {
        using var capture = new ConsoleCapture();
        var (code, output, error) = CliHarness.Run(root, args);
        return (code, output + capture.Text, error);
    }

    public void Dispose()
    {
        Console.SetOut(_previousOut);
        AnsiConsole.Console = _previousAnsi;
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
