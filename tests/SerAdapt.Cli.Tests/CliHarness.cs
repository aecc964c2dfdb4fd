using System.CommandLine;

namespace SerAdapt.Cli.Tests;

/// <summary>Runs the real command line in-process, with the root command of Program.cs.</summary>
internal static class CliHarness
{
    public static RootCommand Root() => SeradaptCommand.Create();

    /// <summary>Exit code and what the command wrote to its invocation's stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args) => Run(Root(), args);

    /// <summary>As <see cref="Run(string[])"/> with another root command (e.g. one with more registered methods).</summary>
    public static (int Code, string Out, string Err) Run(RootCommand root, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
