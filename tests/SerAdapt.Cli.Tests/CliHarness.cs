using System.CommandLine;
using SerAdapt.Cli.Commands;

namespace SerAdapt.Cli.Tests;

/// <summary>Runs the real command line in-process, with a root command built like Program.cs.</summary>
internal static class CliHarness
{
    public static RootCommand Root()
    {
        var root = new RootCommand("test");
        root.Options.Add(CliApp.Verbose);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ExportOnnxCommand.Create());
        root.Subcommands.Add(ExperimentCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(TsneCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    /// <summary>Exit code and what the command wrote to its invocation's stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(Root(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
