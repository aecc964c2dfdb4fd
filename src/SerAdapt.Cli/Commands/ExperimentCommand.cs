using System.CommandLine;
using SerAdapt.Experiments;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt experiment</c>: the paper's Experiment 1 (Table 1) on two corpora, into a report folder.
/// Settings come from the defaults (the paper's), then <c>--config</c>, then the flags given.
/// </summary>
public static class ExperimentCommand
{
    public static Command Create()
    {
        var corpora = new Option<string[]>("--corpora") { Description = "The two corpus files A B (.parquet, or openSMILE ARFF/CSV with labels).", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(2, 2) };
        var directions = new Option<string?>("--directions") { Description = "both | a-to-b | b-to-a (default both)." };
        directions.AcceptOnlyFromAmong([.. ExperimentConfig.DirectionChoices]);
        var methods = new Option<string[]>("--methods") { Description = $"Methods to run (default all): {string.Join(" ", ExperimentConfig.AllMethods)}.", AllowMultipleArgumentsPerToken = true };
        var repeats = new Option<int?>("--repeats") { Description = "Runs per method and direction (default 10)." };
        var epochs = new Option<int?>("--epochs") { Description = "Maximum epochs per run (default 100)." };
        var seed = new Option<int?>("--seed") { Description = "Master seed; every run's seed is derived from it (default 0)." };
        var lr = new Option<float?>("--lr") { Description = "Adam learning rate (default 1e-4)." };
        var width = new Option<int?>("--width") { Description = "Hidden width (default 1024)." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Mini-batch size (default 64)." };
        var selection = new Option<string?>("--selection") { Description = "source-validation | fixed-epochs | oracle (default source-validation; oracle uses target labels)." };
        selection.AcceptOnlyFromAmong([.. ExperimentConfig.SelectionChoices]);
        var threads = new Option<int?>("--threads") { Description = "Cores per run, 0 = all (default 0)." };
        var output = new Option<string>("--output", "-o") { Description = "Report folder.", Required = true };
        var config = new Option<string?>("--config") { Description = "Experiment YAML file (keys: docs/reproducing-the-paper.md)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the experiment in the report folder, skipping finished runs." };
        var force = new Option<bool>("--force") { Description = "Delete an earlier experiment's files in the report folder and start over." };
        var shard = new Option<string?>("--shard") { Description = "k/n: run only the runs whose index is k modulo n (k = 0..n-1); join with 'seradapt merge'." };

        var command = new Command("experiment", "Run the paper's Experiment 1 (Table 1): every method x direction x repeat, with a report folder.")
        {
            corpora, directions, methods, repeats, epochs, seed, lr, width, batchSize, selection, threads, output, config, resume, force, shard,
        };
        command.SetAction(parse =>
        {
            var c = parse.GetValue(config) is { } path ? ExperimentConfigFile.Load(path) : new ExperimentConfig();
            if (parse.GetValue(corpora) is { Length: 2 } ab) c = c with { CorpusA = Path.GetFullPath(ab[0]), CorpusB = Path.GetFullPath(ab[1]) };
            if (parse.GetValue(directions) is { } d) c = c with { Directions = d };
            if (parse.GetValue(methods) is { Length: > 0 } m) c = c with { Methods = m };
            if (parse.GetValue(repeats) is { } r) c = c with { Repeats = r };
            if (parse.GetValue(epochs) is { } e) c = c with { Epochs = e };
            if (parse.GetValue(seed) is { } s) c = c with { Seed = s };
            if (parse.GetValue(lr) is { } l) c = c with { LearningRate = l };
            if (parse.GetValue(width) is { } w) c = c with { Width = w };
            if (parse.GetValue(batchSize) is { } b) c = c with { BatchSize = b };
            if (parse.GetValue(selection) is { } sel) c = c with { Selection = sel };
            if (parse.GetValue(threads) is { } t) c = c with { Threads = t };
            c.Validate();
            var part = parse.GetValue(shard) is { } text ? Shard.Parse(text) : Shard.Whole;

            // Corpora first: a bad corpus file must not leave a report folder behind.
            var trainer = AdaptationTrainer.Load(c);
            var folder = ExperimentFolder.Create(parse.GetValue(output)!, c, part, parse.GetValue(resume), parse.GetValue(force));
            ExperimentConsole.Run((events, token) => ExperimentRunner.Run(folder, trainer.Train, events, token));
            var results = folder.ReadResults();
            ExperimentConsole.PrintTable(c, ExperimentSummary.Of(c, results));
            AnsiConsole.MarkupLineInterpolated($"Report: [link]{Path.Combine(folder.Directory, ExperimentReport.ReportMd)}[/]");
            return 0;
        });
        return command;
    }
}
