using System.CommandLine;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt experiment</c>: the paper's Experiment 1 (Table 1) on two corpora (or several sources for one
/// target: <c>--source A C --target B</c>), into a report folder.
/// Settings come from the defaults (the paper's), then <c>--config</c>, then the flags given.
/// </summary>
public static class ExperimentCommand
{
    public static Command Create(MethodRegistry registry)
    {
        var corpora = new Option<string[]>("--corpora") { Description = "The two corpus files A B (.parquet, openSMILE ARFF/CSV with labels, or generic CSV with a valence column).", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(2, 2) };
        var sources = new Option<string[]>("--source") { Description = "Instead of --corpora: labelled source corpora, each z-normalised on its own and pooled, for the one --target.", AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var target = new Option<string?>("--target") { Description = "With --source: the target corpus (labelled, for scoring); the experiment's one direction is sources → target." };
        var directions = new Option<string?>("--directions") { Description = "both | a-to-b | b-to-a (default both)." };
        directions.AcceptOnlyFromAmong([.. ExperimentConfig.DirectionChoices]);
        var methods = new Option<string[]>("--methods") { Description = $"Methods to run (default the paper's five): {string.Join(" ", registry.Names)}.", AllowMultipleArgumentsPerToken = true };
        var repeats = new Option<int?>("--repeats") { Description = "Runs per method and direction (default 10)." };
        var output = new Option<string>("--output", "-o") { Description = "Report folder.", Required = true };
        var config = new Option<string?>("--config") { Description = "Experiment YAML file (`seradapt config` prints every key with its default)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the experiment in the report folder, skipping finished runs." };
        var force = new Option<bool>("--force") { Description = "Delete an earlier experiment's files in the report folder and start over." };
        var shard = new Option<string?>("--shard") { Description = "k/n: run only the runs whose index is k modulo n (k = 0..n-1); join with 'seradapt merge'. In a Slurm job array, read from SLURM_ARRAY_TASK_ID/_COUNT when not given." };
        var keepModels = new Option<bool>("--keep-models") { Description = "With a grid: also save each grid point's model (the epoch 'selection' keeps) under models/ in the report folder." };
        var settings = new SettingOptions(registry);

        var command = new Command("experiment", "Run the paper's Experiment 1 (Table 1): every method x direction x repeat, with a report folder.")
        {
            corpora, sources, target, directions, methods, repeats, output, config, resume, force, shard, keepModels,
        };
        settings.AddTo(command);
        var csv = new CorpusCsvOptions();
        csv.AddTo(command);
        command.SetAction(parse =>
        {
            var c = parse.GetValue(config) is { } path ? ExperimentConfigFile.Load(path, registry) : new ExperimentConfig { Registry = registry };
            string[]? ab = parse.GetValue(corpora), sourceFiles = parse.GetValue(sources);
            string? targetFile = parse.GetValue(target);
            if (ab is { Length: > 0 } && (sourceFiles is { Length: > 0 } || targetFile is not null))
                throw new InvalidSettingException("corpora", "and --source/--target are two ways of naming the corpora: give one of them, not both.");
            // The corpora given on the command line replace those of the config, in either form.
            if (ab is { Length: 2 })
                c = c with { CorpusA = Path.GetFullPath(ab[0]), CorpusB = Path.GetFullPath(ab[1]), Sources = [], Target = "" };
            if (sourceFiles is { Length: > 0 } || targetFile is not null)
                c = c with
                {
                    CorpusA = "", CorpusB = "",
                    Sources = sourceFiles is { Length: > 0 } ? [.. sourceFiles.Select(Path.GetFullPath)] : c.Sources,
                    Target = targetFile is not null ? Path.GetFullPath(targetFile) : c.Target,
                };
            if (parse.GetValue(directions) is { } d) c = c with { Directions = d };
            if (parse.GetValue(methods) is { Length: > 0 } m) c = c with { Methods = m };
            if (parse.GetValue(repeats) is { } r) c = c with { Repeats = r };
            c = settings.Apply(c, parse);
            c.Validate();
            var part = parse.GetValue(shard) is { } text ? Shard.Parse(text) : SlurmArray.FromEnvironment(Environment.GetEnvironmentVariable) ?? Shard.Whole;
            if (parse.GetValue(shard) is null && !part.IsWhole)
                parse.InvocationConfiguration.Output.WriteLine($"shard {part} of the Slurm job array ({SlurmArray.TaskId}={Environment.GetEnvironmentVariable(SlurmArray.TaskId)})");

            // Corpora first: a bad corpus file must not leave a report folder behind.
            var trainer = AdaptationTrainer.Load(c, csv.Read(parse));
            foreach (var warning in trainer.Warnings) parse.InvocationConfiguration.Output.WriteLine($"warning: {warning}");
            foreach (var mapping in trainer.ScaleMappings) parse.InvocationConfiguration.Output.WriteLine(mapping);
            if (c.TrainOnTargetNote is { } note) parse.InvocationConfiguration.Output.WriteLine(note);
            var folder = ExperimentFolder.Create(parse.GetValue(output)!, c, part, parse.GetValue(resume), parse.GetValue(force), ExperimentFolder.Fingerprints(c, trainer.Rows));
            if (!c.Grid.IsEmpty)
            {
                // A grid: the selection study instead of one run per method, direction and repeat.
                GridTrainer train = parse.GetValue(keepModels) ? trainer.KeepingModelsIn(folder.Directory) : trainer.TrainGrid;
                ExperimentConsole.Run((events, token) => SelectionStudy.Run(folder, train, events, token));
                AnsiConsole.MarkupLineInterpolated($"Selection table: [link]{Path.Combine(folder.Directory, SelectionReport.Csv)}[/]");
                AnsiConsole.MarkupLineInterpolated($"Report: [link]{Path.Combine(folder.Directory, ExperimentReport.ReportMd)}[/]");
                return 0;
            }
            ExperimentConsole.Run((events, token) => ExperimentRunner.Run(folder, trainer.Train, events, token));
            var results = folder.ReadResults();
            ExperimentConsole.PrintTable(c, ExperimentSummary.Of(c, results));
            AnsiConsole.MarkupLineInterpolated($"Report: [link]{Path.Combine(folder.Directory, ExperimentReport.ReportMd)}[/]");
            return 0;
        });
        return command;
    }
}
