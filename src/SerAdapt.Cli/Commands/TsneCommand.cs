using System.CommandLine;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;
using Spectre.Console;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt tsne</c>: the paper's Experiment 2 (Figure 2). Trains Source-only and MRD on
/// source -> target (or loads them with --models), and draws the t-SNE panels and distortion numbers.
/// </summary>
public static class TsneCommand
{
    public static Command Create(MethodRegistry registry)
    {
        var source = new Option<string>("--source") { Description = "Labelled source corpus file.", Required = true };
        var target = new Option<string>("--target") { Description = "Target corpus file (its labels and sessions colour and choose the panels; training uses them only for oracle selection).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Folder for tsne.png/.svg, distortion.csv, sessions.csv and the trained models.", Required = true };
        var models = new Option<string[]>("--models") { Description = "SRC_ONLY_DIR MRD_DIR: model folders to load instead of training.", AllowMultipleArgumentsPerToken = true, Arity = new ArgumentArity(2, 2) };
        var split = new Option<string>("--split") { Description = "Low/high valence split: 'median' (each corpus's) or a value strictly inside the target's valence scale, such as 3.", DefaultValueFactory = _ => "median" };
        var sessions = new Option<int>("--sessions") { Description = "Target sessions to show (at least 1): 2 = largest and smallest Source-only error (the paper).", DefaultValueFactory = _ => 2 };
        var points = new Option<int>("--max-points") { Description = "At most this many target utterances per panel (as many source ones are added).", DefaultValueFactory = _ => 1000 };
        var config = new Option<string?>("--config") { Description = "Experiment YAML file for the training settings (as seradapt experiment)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the files of an earlier t-SNE study in the folder." };
        var settings = new SettingOptions(registry);
        var command = new Command("tsne", "Run the paper's Experiment 2: t-SNE of the encoded target, Source-only vs MRD, coloured by valence.")
        {
            source, target, output, models, split, sessions, points, config, force,
        };
        settings.AddTo(command);
        var csv = new CorpusCsvOptions();
        csv.AddTo(command);
        command.SetAction(parse =>
        {
            var c = parse.GetValue(config) is { } path ? ExperimentConfigFile.Load(path, registry) : new ExperimentConfig { Registry = registry };
            c = c with
            {
                CorpusA = Path.GetFullPath(parse.GetValue(source)!),
                CorpusB = Path.GetFullPath(parse.GetValue(target)!),
                Sources = [],   // the figure's two corpora replace a config's several sources
                Target = "",
                Methods = [ExperimentConfig.SourceOnly, "mrd"],
                Directions = "a-to-b",
                Repeats = 1,
            };
            c = settings.Apply(c, parse);
            c.Validate();
            int sessionCount = parse.GetValue(sessions);
            if (sessionCount < 1)
                throw new ArgumentException($"--sessions must be at least 1 (2 = the paper's largest and smallest error), got {sessionCount}.");
            if (sessionCount == 1)
                parse.InvocationConfiguration.Output.WriteLine(
                    "warning: --sessions 1 shows only the session of largest Source-only error; the paper's figure contrasts it with the smallest (--sessions 2).");
            string splitText = parse.GetValue(split)!;
            double? splitAt = splitText == "median" ? null
                : double.TryParse(splitText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
                : throw new ArgumentException($"--split must be 'median' or a number, got '{splitText}'.");
            var dir = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(Path.Combine(dir, TsneStudy.DistortionName)) && !parse.GetValue(force))
                throw new ReportFolderException($"{dir} already holds a t-SNE study; add --force to overwrite it.");

            var trainer = AdaptationTrainer.Load(c, csv.Read(parse));
            foreach (var warning in trainer.Warnings) parse.InvocationConfiguration.Output.WriteLine($"warning: {warning}");
            var scale = trainer.TargetOf("a-to-b").Raw.Scales.Valence;
            if (splitAt is { } at && !(at > scale.Min && at < scale.Max))
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"--split {at} is outside the target's valence scale {scale}: it must lie strictly between {scale.Min} and {scale.Max} to make a low and a high group."));
            var (src, tgt) = trainer.Domains("a-to-b");
            ValenceModel sourceOnly, mrd;
            if (parse.GetValue(models) is { Length: 2 } dirs)
                (sourceOnly, mrd) = TsneStudy.LoadModels(dirs[0], dirs[1]);
            else
            {
                (sourceOnly, mrd) = ExperimentConsole.Run((events, token) => TsneStudy.Train(trainer, c, events, token));
                // Saved as train saves them, so that predict and evaluate take them on raw features.
                trainer.DescribeTarget(sourceOnly, "a-to-b");
                trainer.DescribeTarget(mrd, "a-to-b");
                sourceOnly.Save(Path.Combine(dir, "models", "source-only"));
                mrd.Save(Path.Combine(dir, "models", "mrd"));
            }
            var options = new TsneStudyOptions(splitAt, parse.GetValue(points), sessionCount, c.Seed);
            var result = AnsiConsole.Status().Start("t-SNE", ctx =>
                TsneStudy.Run(sourceOnly, mrd, src, tgt, trainer.Sessions("b"), dir, options,
                    new Callback(s => ctx.Status(Markup.Escape(s)))));
            AnsiConsole.MarkupLineInterpolated($"Sessions shown: {string.Join(", ", result.ShownSessions)} (largest and smallest Source-only error; all in {result.SessionsCsv})");
            AnsiConsole.MarkupLineInterpolated($"Figure: [link]{result.Figure.Png}[/] and {result.Figure.Svg}; numbers: {result.DistortionCsv}");
            return 0;
        });
        return command;
    }

    private sealed class Callback(Action<string> action) : IProgress<string>
    {
        public void Report(string value) => action(value);
    }
}
