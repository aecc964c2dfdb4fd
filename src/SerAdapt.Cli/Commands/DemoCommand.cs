using System.CommandLine;
using System.Globalization;
using SerAdapt.Experiments;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary><c>seradapt demo</c>: both experiments of the paper on the built-in synthetic pair, in a few minutes.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = $"Report folder (default ./{Demo.DefaultDirectory}).", DefaultValueFactory = _ => Demo.DefaultDirectory };
        var force = new Option<bool>("--force") { Description = "Replace the folder of an earlier demo." };
        var scale = new Option<double?>("--scale") { Description = $"Corpus sizes relative to the real ones (default {DemoOptions.Default.Scale.ToString(CultureInfo.InvariantCulture)})." };
        var repeats = new Option<int?>("--repeats") { Description = $"Runs per method and direction (default {DemoOptions.Default.Experiment.Repeats})." };
        var epochs = new Option<int?>("--epochs") { Description = $"Maximum epochs per run (default {DemoOptions.Default.Experiment.Training.Epochs})." };
        var command = new Command("demo", "Make the built-in synthetic corpus pair and run the paper's Table 1 and Figure 2 on it in a reduced configuration.")
        {
            output, force, scale, repeats, epochs,
        };
        command.SetAction(parse =>
        {
            var options = DemoOptions.Default;
            if (parse.GetValue(scale) is { } sc) options = options with { Scale = sc };
            if (parse.GetValue(repeats) is { } r) options = options with { Experiment = options.Experiment with { Repeats = r } };
            if (parse.GetValue(epochs) is { } e) options = options with { Experiment = options.Experiment with { Training = options.Experiment.Training with { Epochs = e } } };
            AnsiConsole.MarkupLine($"[bold]seradapt demo[/]: synthetic IEMOCAP-like and MSP-IMPROV-like corpora ({options.Scale.ToString("0.##", CultureInfo.InvariantCulture)} of the real sizes, " +
                $"{options.Dimension} features), five methods x both directions x {options.Experiment.Repeats} repeats, " +
                $"{options.Experiment.Training.Epochs} epochs, width {options.Experiment.Training.Width}: a reduced configuration, said so in the report.");
            var result = ExperimentConsole.Run((events, token) =>
                Demo.Run(parse.GetValue(output)!, options, parse.GetValue(force), events, new StageLine(), token));
            ExperimentConsole.PrintTable(result.Config, result.Summary);
            AnsiConsole.MarkupLineInterpolated($"t-SNE figure: [link]{result.Tsne.Figure.Png}[/] (sessions {string.Join(" and ", result.Tsne.ShownSessions)})");
            AnsiConsole.MarkupLineInterpolated($"Report: [link]{Path.Combine(result.Directory, ExperimentReport.ReportMd)}[/] (done in {result.Elapsed:m\\:ss})");
            return 0;
        });
        return command;
    }

    private sealed class StageLine : IProgress<string>
    {
        public void Report(string value) => AnsiConsole.MarkupLineInterpolated($"[grey]{value}[/]");
    }
}
