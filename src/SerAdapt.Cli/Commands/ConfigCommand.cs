using System.CommandLine;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt config</c>: prints an experiment YAML file with every key the registry declares, its
/// default and one line of help (the schema of <c>experiment --config</c> and <c>train --config</c>).
/// </summary>
public static class ConfigCommand
{
    public static Command Create(MethodRegistry registry)
    {
        var command = new Command("config", "Print a config file with every setting, its default and its help (for --config).");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(ExperimentConfigFile.Schema(registry));
            return 0;
        });
        return command;
    }
}
