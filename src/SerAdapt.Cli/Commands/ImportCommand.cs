using System.CommandLine;
using SerAdapt.Data;
using SerAdapt.Features;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt import iemocap|msp-improv|msp-podcast|crema-d|ravdess|emodb|csv</c>: joins corpus labels
/// with feature rows by utterance name and writes a corpus file (Parquet) that records each label's
/// scale, printing a summary. Corpora labelled with categories get valence and arousal from a
/// <see cref="CategoryMap"/>. Nothing is written on an error.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Make a corpus file (.parquet) from a corpus folder (labels + WAVs or openSMILE features), or from a generic CSV.");
        command.Subcommands.Add(CorpusCommand("iemocap", "USC-IEMOCAP: labels from Session*/dialog/EmoEvaluation/*.txt under --root (1-5).", "IEMOCAP",
            LabelScales.OneToFive, (parse, root, _) => IemocapLabels.Read(root)));
        var improvLabels = LabelFileOption();
        command.Subcommands.Add(CorpusCommand("msp-improv", "MSP-IMPROV: labels from Evaluation.txt (or Evalution.txt) under --root (1-5).", "MSP-IMPROV",
            LabelScales.OneToFive, (parse, root, _) => MspImprovLabels.Read(parse.GetValue(improvLabels)?.FullName ?? root), improvLabels));
        var podcastLabels = LabelFileOption();
        command.Subcommands.Add(CorpusCommand("msp-podcast", $"MSP-Podcast: labels from {MspPodcastLabels.LabelFile} (1-7), audio under Audios/.", "MSP-Podcast",
            MspPodcastLabels.Scales, (parse, root, _) => MspPodcastLabels.Read(root, parse.GetValue(podcastLabels)?.FullName), podcastLabels));
        var emotion = new Option<string>("--emotion")
        {
            Description = $"intended (the actor's, from the file name) or perceived (the crowd's VoiceVote in {CremaDLabels.RatingsFile}).",
            DefaultValueFactory = _ => "intended",
        }.AcceptOnlyFromAmong("intended", "perceived");
        command.Subcommands.Add(CategoryCorpusCommand("crema-d", "CREMA-D: AudioWAV/ActorID_Sentence_Emotion_Level.wav; categories mapped to valence/arousal.", "CREMA-D",
            (parse, root, warnings) => CremaDLabels.Read(root, parse.GetValue(emotion) == "perceived", warnings), emotion));
        var song = new Option<bool>("--include-song") { Description = "Keep the song files (vocal channel 02) too; speech only by default." };
        command.Subcommands.Add(CategoryCorpusCommand("ravdess", "RAVDESS: Actor_NN/MM-VV-EE-II-SS-RR-AA.wav (or a flat folder); categories mapped to valence/arousal.", "RAVDESS",
            (parse, root, warnings) => RavdessLabels.Read(root, parse.GetValue(song), warnings), song));
        command.Subcommands.Add(CategoryCorpusCommand("emodb", "EmoDB (Berlin): wav/SSTTTEV.wav; categories mapped to valence/arousal.", "EmoDB",
            (parse, root, _) => EmoDbLabels.Read(root)));
        command.Subcommands.Add(CsvCommand());
        return command;
    }

    private static Option<FileInfo?> LabelFileOption() => new("--labels") { Description = "Label file, when it is not found under --root." };

    private static Option<FileInfo> OutputOption() => new("--output", "-o") { Description = "Corpus file to write (.parquet).", Required = true };

    private static Option<string> ImputeOption() => new Option<string>("--impute")
    {
        Description = "What to do with NaN/Inf/missing feature values: fail, or replace by the feature mean.",
        DefaultValueFactory = _ => "fail",
    }.AcceptOnlyFromAmong("fail", "mean");

    private static NonFinitePolicy Policy(string impute) => impute == "mean" ? NonFinitePolicy.ImputeMean : NonFinitePolicy.Fail;

    /// <summary>Runs an import of this command (which has --impute): a non-finite feature's error suggests --impute mean.</summary>
    private static T OfferingImpute<T>(Func<T> import)
    {
        try
        {
            return import();
        }
        catch (NonFiniteFeatureException ex)
        {
            throw ex.WithImputeHint();
        }
    }

    /// <summary>A corpus labelled with categories only: valence and arousal (1-5) come from the category map.</summary>
    private static Command CategoryCorpusCommand(string name, string description, string corpusName,
        Func<ParseResult, string, List<string>, List<UtteranceLabel>> readCategories, params Option[] extra)
    {
        var map = new Option<FileInfo?>("--category-map")
        {
            Description = "YAML table of category -> {valence, arousal} on the 1-5 scale, replacing the default (docs/corpora.md).",
        };
        return CorpusCommand(name, description, corpusName, LabelScales.Uniform(CategoryMap.Scale), (parse, root, warnings) =>
        {
            var categoryMap = parse.GetValue(map) is { } file ? CategoryMap.Load(file.FullName) : CategoryMap.Default;
            var labels = categoryMap.Apply(readCategories(parse, root, warnings));
            parse.InvocationConfiguration.Output.WriteLine($"valence and arousal from the categories by {categoryMap.Source}");
            return labels;
        }, [map, .. extra]);
    }

    private static Command CorpusCommand(string name, string description, string corpusName, LabelScales scales,
        Func<ParseResult, string, List<string>, List<UtteranceLabel>> readLabels, params Option[] extra)
    {
        var root = new Option<DirectoryInfo>("--root") { Description = "Root folder of the corpus as distributed.", Required = true };
        var features = new Option<string?>("--features")
        {
            Description = "openSMILE features: an ARFF or CSV file with one row per utterance, or a folder of them. "
                + "Without it, features (--set) are extracted from the corpus's own WAV files under --root.",
        };
        var variant = AudioFeatureExtraction.SetOption("Feature set extracted from the WAVs when --features is not given:");
        var skipBadAudio = new Option<bool>("--skip-bad-audio")
        {
            Description = "Leave out WAVs the extractor cannot read (e.g. CREMA-D's silent 1076_MTI_SAD_XX.wav), listing them; by default one stops the import.",
        };
        var corpus = new Option<string>("--name") { Description = "Corpus name stored in the file.", DefaultValueFactory = _ => corpusName };
        var output = OutputOption();
        var impute = ImputeOption();
        var command = new Command(name, description) { root, features, variant, skipBadAudio, output, corpus, impute };
        foreach (var option in extra) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            string rootPath = parse.GetRequiredValue(root).FullName;
            var warnings = new List<string>();
            var labelList = readLabels(parse, rootPath, warnings);
            string? featurePath = parse.GetValue(features);
            var table = featurePath is not null
                ? CorpusLoader.ReadFeatures(featurePath)
                : ExtractFromCorpusAudio(parse, rootPath, labelList, parse.GetValue(variant)!, parse.GetValue(skipBadAudio),
                    warnings, cancellationToken);
            table.Warnings.InsertRange(0, warnings);
            var (result, summary) = OfferingImpute(() => CorpusImport.Join(table, labelList, parse.GetRequiredValue(corpus), Policy(parse.GetRequiredValue(impute)), scales));
            return Task.FromResult(Write(parse, result, summary, parse.GetRequiredValue(output).FullName));
        });
        return command;
    }

    /// <summary>
    /// Features of one set (--set) from the corpus's WAV files whose names are labelled utterances (IEMOCAP's
    /// Session*/sentences/wav/..., MSP-IMPROV's MSP-IMPROV-*.wav, ...); whole-dialog recordings, hidden
    /// files and audio without a label row are skipped and counted.
    /// A file that fails to extract stops the import (naming it) rather than leaving a silent hole,
    /// unless <paramref name="skipBad"/>: then it is left out and named in a warning.
    /// </summary>
    private static FeatureTable ExtractFromCorpusAudio(ParseResult parse, string root, List<UtteranceLabel> labels,
        string set, bool skipBad, List<string> warnings, CancellationToken cancellationToken)
    {
        var wanted = labels.Select(l => CorpusImport.Key(l.Id)).ToHashSet(StringComparer.Ordinal);
        var all = Is10BatchExtractor.FindAudioFiles([root]).Where(f => !CorpusAudioFiles.IsHidden(root, f)).ToList();
        var files = all.Where(f => wanted.Contains(CorpusImport.Key(Path.GetFileName(f)))).ToList();
        var skipped = all.Except(files).ToList();
        if (skipped.Count > 0)
            parse.InvocationConfiguration.Output.WriteLine($"{skipped.Count} WAV file(s) under {root} are not labelled utterances and are not extracted (e.g. {skipped[0]})");
        if (files.Count == 0)
            throw new FileNotFoundException($"no WAV file under {root} is named after a labelled utterance (looked for e.g. {labels.FirstOrDefault()?.Id}.wav)");
        var result = AudioFeatureExtraction.Run(files, set, 0, null,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        if (result.Failures.Count > 0 && !skipBad)
            throw new InvalidDataException(
                $"{result.Failures.Count} of {files.Count} audio files could not be read (--skip-bad-audio leaves them out); first: {result.Failures[0].Message}");
        warnings.AddRange(result.Failures.Select(f => $"left out (--skip-bad-audio): {f.Message}"));
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
            var (result, summary) = OfferingImpute(() => CorpusImport.FromTable(table, parse.GetValue(corpus) ?? Path.GetFileNameWithoutExtension(file),
                Policy(parse.GetRequiredValue(impute))));
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
