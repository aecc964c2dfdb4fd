using System.CommandLine;
using SerAdapt.Data;
using SerAdapt.Features;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt import iemocap|msp-improv|csv</c>: joins corpus labels with feature rows by utterance
/// name and writes a corpus file (Parquet), printing a summary. Nothing is written on an error.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Make a corpus file (.parquet) from corpus labels and openSMILE features, or from a generic CSV.");
        command.Subcommands.Add(CorpusCommand("iemocap", "USC-IEMOCAP: labels from Session*/dialog/EmoEvaluation/*.txt under --root.", "IEMOCAP",
            (root, _) => IemocapLabels.Read(root)));
        command.Subcommands.Add(CorpusCommand("msp-improv", "MSP-IMPROV: labels from Evaluation.txt (or Evalution.txt) under --root.", "MSP-IMPROV",
            (root, labels) => MspImprovLabels.Read(labels ?? root)));
        command.Subcommands.Add(CsvCommand());
        return command;
    }

    private static Option<FileInfo> OutputOption() => new("--output", "-o") { Description = "Corpus file to write (.parquet).", Required = true };

    private static Option<string> ImputeOption() => new Option<string>("--impute")
    {
        Description = "What to do with NaN/Inf/missing feature values: fail, or replace by the feature mean.",
        DefaultValueFactory = _ => "fail",
    }.AcceptOnlyFromAmong("fail", "mean");

    private static NonFinitePolicy Policy(string impute) => impute == "mean" ? NonFinitePolicy.ImputeMean : NonFinitePolicy.Fail;

    private static Command CorpusCommand(string name, string description, string corpusName,
        Func<string, string?, List<UtteranceLabel>> readLabels)
    {
        var root = new Option<DirectoryInfo>("--root") { Description = "Root folder of the corpus as distributed.", Required = true };
        var features = new Option<string?>("--features")
        {
            Description = "openSMILE features: an ARFF or CSV file with one row per utterance, or a folder of them. "
                + "Without it, features (--set) are extracted from the corpus's own WAV files under --root.",
        };
        var variant = AudioFeatureExtraction.SetOption("Feature set extracted from the WAVs when --features is not given:");
        var labels = new Option<FileInfo?>("--labels") { Description = "Label file, when it is not found under --root." };
        var corpus = new Option<string>("--name") { Description = "Corpus name stored in the file.", DefaultValueFactory = _ => corpusName };
        var output = OutputOption();
        var impute = ImputeOption();
        var command = new Command(name, description) { root, features, variant, output, corpus, impute };
        if (name == "msp-improv") command.Options.Add(labels);
        command.SetAction((parse, cancellationToken) =>
        {
            var labelList = readLabels(parse.GetRequiredValue(root).FullName, parse.GetValue(labels)?.FullName);
            string? featurePath = parse.GetValue(features);
            var table = featurePath is not null
                ? CorpusLoader.ReadFeatures(featurePath)
                : ExtractFromCorpusAudio(parse, parse.GetRequiredValue(root).FullName, labelList,
                    parse.GetValue(variant)!, cancellationToken);
            var (result, summary) = CorpusImport.Join(table, labelList, parse.GetRequiredValue(corpus), Policy(parse.GetRequiredValue(impute)));
            return Task.FromResult(Write(parse, result, summary, parse.GetRequiredValue(output).FullName));
        });
        return command;
    }

    /// <summary>
    /// Features of one set from the corpus's WAV files whose names are labelled utterances (IEMOCAP's
    /// Session*/sentences/wav/..., MSP-IMPROV's MSP-IMPROV-*.wav); whole-dialog recordings are skipped.
    /// A file that fails to extract stops the import (naming it) rather than leaving a silent hole.
    /// </summary>
    private static FeatureTable ExtractFromCorpusAudio(ParseResult parse, string root, List<UtteranceLabel> labels,
        string set, CancellationToken cancellationToken)
    {
        var wanted = labels.Select(l => CorpusImport.Key(l.Id)).ToHashSet(StringComparer.Ordinal);
        var files = Is10BatchExtractor.FindAudioFiles([root])
            .Where(f => wanted.Contains(CorpusImport.Key(Path.GetFileName(f))))
            .ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"no WAV file under {root} is named after a labelled utterance (looked for e.g. {labels.FirstOrDefault()?.Id}.wav)");
        var result = AudioFeatureExtraction.Run(files, set, 0, null,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        if (result.Failures.Count > 0)
            throw new InvalidDataException($"{result.Failures.Count} of {files.Count} audio files could not be read; first: {result.Failures[0].Message}");
        return AudioFeatureExtraction.ToFeatureTable(result, set, root);
    }

    private static Command CsvCommand()
    {
        var input = new Argument<FileInfo>("file") { Description = "CSV with one row per utterance and a header row." };
        var columns = new GenericCsvColumnOptions();
        var corpus = new Option<string?>("--name") { Description = "Corpus name stored in the file (default: the file name)." };
        var output = OutputOption();
        var impute = ImputeOption();
        var command = new Command("csv", "A generic CSV: --id/--label/--speaker/--session name columns; every other numeric column is a feature.")
        {
            input, output, corpus, impute,
        };
        columns.AddTo(command);
        command.SetAction(parse =>
        {
            var file = parse.GetRequiredValue(input).FullName;
            var table = GenericCsv.Read(file, columns.Read(parse));
            var (result, summary) = CorpusImport.FromTable(table, parse.GetValue(corpus) ?? Path.GetFileNameWithoutExtension(file),
                Policy(parse.GetRequiredValue(impute)));
            return Write(parse, result, summary, parse.GetRequiredValue(output).FullName);
        });
        return command;
    }

    private static int Write(ParseResult parse, Corpus corpus, ImportSummary summary, string path)
    {
        CorpusFile.Write(corpus, path);
        var o = parse.InvocationConfiguration.Output;
        foreach (var w in summary.Warnings) parse.InvocationConfiguration.Error.WriteLine($"warning: {w}");
        o.WriteLine($"{path}: corpus '{corpus.Name}', {corpus.Dimension} features");
        o.WriteLine(summary.ToString());
        return 0;
    }
}
