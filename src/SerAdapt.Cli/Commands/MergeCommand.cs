using System.CommandLine;
using SerAdapt.Experiments;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary><c>seradapt merge</c>: joins the report folders of an experiment's shards into one report.</summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("folders") { Description = "Report folders of the shards (seradapt experiment --shard k/n).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the merged report.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an earlier report in the output folder." };
        var command = new Command("merge", "Join shard report folders of one experiment into one report.") { inputs, output, force };
        command.SetAction(parse =>
        {
            var (folder, results) = ShardMerger.Merge(parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(force));
            if (!folder.Config.Grid.IsEmpty)
            {
                AnsiConsole.MarkupLineInterpolated($"Selection table: [link]{Path.Combine(folder.Directory, SelectionReport.Csv)}[/]");
                AnsiConsole.MarkupLineInterpolated($"Report: [link]{Path.Combine(folder.Directory, ExperimentReport.ReportMd)}[/]");
                return 0;
            }
            var summary = ExperimentSummary.Of(folder.Config, results);
            ExperimentConsole.PrintTable(folder.Config, summary);
            if (summary.FinishedRuns < summary.PlannedRuns)
                AnsiConsole.MarkupLineInterpolated($"[yellow]{summary.PlannedRuns - summary.FinishedRuns} of {summary.PlannedRuns} runs are missing (a shard not given or not finished).[/]");
            AnsiConsole.MarkupLineInterpolated($"Report: [link]{Path.Combine(folder.Directory, ExperimentReport.ReportMd)}[/]");
            return 0;
        });
        return command;
    }
}
