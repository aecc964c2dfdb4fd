using System.CommandLine;

namespace SerAdapt.Cli;

/// <summary>
/// Runs the command line: errors become one clear line on stderr and a non-zero exit code;
/// the stack trace is printed only with <c>--verbose</c>.
/// </summary>
public static class CliApp
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Print stack traces and extra diagnostics.",
        Recursive = true,
    };

    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (stdout is not null) config.Output = stdout;
        if (stderr is not null) config.Error = stderr;
        try
        {
            return parse.Invoke(config);
        }
        catch (OperationCanceledException)
        {
            (stderr ?? Console.Error).WriteLine("seradapt: cancelled");
            return 130;
        }
        catch (Exception ex)
        {
            var err = stderr ?? Console.Error;
            var inner = ex is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerException! : ex;
            // Library code names a setting by its declared name; on the command line it is a flag.
            string message = inner is SerAdapt.Adaptation.InvalidSettingException setting ? $"--{setting.Key} {setting.Problem}" : inner.Message;
            err.WriteLine($"seradapt: error: {message}");
            if (parse.GetValue(Verbose)) err.WriteLine(inner);
            return 1;
        }
    }
}
