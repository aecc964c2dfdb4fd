using System.CommandLine;
using SerAdapt.Adaptation;
using SerAdapt.Cli.Commands;

namespace SerAdapt.Cli;

/// <summary>The <c>seradapt</c> root command with every subcommand (used by Program.cs and the tests).</summary>
public static class SeradaptCommand
{
    /// <summary>The command with <paramref name="registry"/>'s methods (default: <see cref="MethodRegistry.Default"/>).</summary>
    public static RootCommand Create(MethodRegistry? registry = null)
    {
        registry ??= MethodRegistry.Default;
        var root = new RootCommand("SerAdapt: cross-corpus speech emotion regression with the Maximum Regression Discrepancy (MRD) network and its baselines.");
        root.Options.Add(CliApp.Verbose);

        // One line per command, in the order a user meets them; each lives in Commands/<Name>Command.cs.
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(TrainCommand.Create(registry));
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ExportOnnxCommand.Create());
        root.Subcommands.Add(ExperimentCommand.Create(registry));
        root.Subcommands.Add(ConfigCommand.Create(registry));
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(TsneCommand.Create(registry));
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
