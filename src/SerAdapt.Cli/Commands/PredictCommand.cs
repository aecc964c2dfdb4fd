using System.CommandLine;
using System.Globalization;
using SerAdapt.Adaptation;
using SerAdapt.Cli.Adaptation;
using SerAdapt.Data;
using SerAdapt.Experiments;
using SerAdapt.Engine;
using SerAdapt.Features;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt predict --model DIR INPUT... -o predictions.csv</c>: applies a saved model to raw
/// feature files, or to WAV files and folders (IS10 features extracted first, in the variant the
/// model was trained on), normalised with the model's stored statistics (or each input's own with
/// --normalise input), and writes <c>id,LABEL</c> named after the label the model predicts (<c>id,valence</c>;
/// <c>id,prediction</c> for a model that does not record it), plus <c>f1,f2</c> for MRD. Audio files that
/// fail are listed and give exit code 1; the others are still predicted. Audio too short or silent to carry
/// speech, and predictions outside the model's label scale, are warned about.
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder written by `seradapt train`.", Required = true };
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Feature files (.parquet, openSMILE ARFF/CSV, generic CSV), or WAV files and folders of them (IS10 features are extracted first).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Predictions CSV to write.", Required = true };
        var id = new Option<string?>("--id") { Description = "Generic CSV: the id column (default: the first column)." };
        var normalise = new Option<string>("--normalise")
        {
            Description = "model: the statistics stored in the model (its target corpus); input: each input's own (per-corpus z-normalisation).",
            DefaultValueFactory = _ => "model",
        };
        var threads = new Option<int>("--threads") { Description = "Audio inputs: files extracted in parallel (0: all cores).", DefaultValueFactory = _ => 0 };
        var force = ExistingOutput.ForceOption();
        var command = new Command("predict", "Predict with a saved model the label it was trained on (valence unless trained with --label; the CSV column is named after it), from feature files or WAV audio.") { model, inputs, output, id, normalise, threads, force };
        OptionLikeInputs.RefuseIn(inputs, command);
        command.SetAction((parse, cancellationToken) =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            string dir = parse.GetRequiredValue(model).FullName;
            ExistingOutput.Check(parse.GetValue(force), parse.GetRequiredValue(output).FullName);
            var m = ValenceModel.Load(dir);
            string mode = parse.GetRequiredValue(normalise);
            if (mode is not ("model" or "input"))
                throw new ArgumentException($"--normalise must be model or input, got '{mode}'.");
            if (m.UsedOracle)
                o.WriteLine($"note: {dir} is an ORACLE model (its epoch was chosen with target labels).");
            string? labelName = ModelLabel.Of(m);
            if (labelName is null)
                o.WriteLine($"note: {dir} does not record which label it predicts (saved by an older SerAdapt); the column is '{ModelLabel.GenericColumn}'.");
            var ids = new List<string>();
            var prediction = new List<float>();
            var heads = new List<float>[m.HeadNames.Count];
            for (int h = 0; h < heads.Length; h++) heads[h] = [];

            void Predict(Corpus corpus, string source)
            {
                if (m.Normalisation?.Names is { } expected)
                    CorpusLoader.CheckSameFeatures(expected, $"model {dir}", corpus.FeatureNames, $"input {source}");
                ModelPrediction p;
                if (mode == "input")
                {
                    var (normalised, _) = ZNormalization.PerCorpus(corpus);
                    p = m.Predict(new Matrix(normalised.Features, 0, normalised.Count, normalised.Dimension));
                }
                else
                {
                    p = m.PredictRaw(new Matrix(corpus.Features, 0, corpus.Count, corpus.Dimension));
                }
                ids.AddRange(corpus.Ids);
                prediction.AddRange(p.Prediction);
                for (int h = 0; h < heads.Length; h++) heads[h].AddRange(p.Heads[h]);
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}: {corpus.Count} utterances"));
            }

            var all = parse.GetRequiredValue(inputs);
            var audio = all.Where(IsAudio).ToArray();
            foreach (var file in all.Where(f => !IsAudio(f)))
            {
                string path = Path.GetFullPath(file);
                Predict(CorpusDomain.LoadRaw(path, "valence", labelRequired: false, new GenericCsvOptions(IdColumn: parse.GetValue(id)), []), path);
            }
            int failures = 0;
            if (audio.Length > 0)
            {
                var set = AudioSet(m, dir);
                var files = Is10BatchExtractor.FindAudioFiles(audio);
                if (files.Count == 0) throw new FileNotFoundException($"no *.wav files found in {string.Join(", ", audio)}");
                var result = AudioFeatureExtraction.Run(files, set, parse.GetValue(threads), null, o,
                    parse.InvocationConfiguration.Error, cancellationToken);
                failures = result.Failures.Count;
                WarnAboutAudioLevels(files.Except(result.Failures.Select(f => f.File)), err);
                if (result.Rows.Count > 0)
                {
                    var table = AudioFeatureExtraction.ToFeatureTable(result, set, "audio");
                    Predict(CorpusImport.FromTable(table, "audio", NonFinitePolicy.Fail).Corpus,
                        $"{result.Rows.Count} audio files ({set} features)");
                }
            }
            string outputPath = parse.GetRequiredValue(output).FullName;
            if (prediction.Count == 0)
            {
                o.WriteLine("nothing to predict: nothing written");
                return Task.FromResult(1);
            }
            WarnOutsideScale(m, prediction, err);
            PredictionFile.Write(outputPath, ModelLabel.Column(m), ids, [.. prediction], heads.Select(h => h.ToArray()).ToArray());
            o.WriteLine($"{prediction.Count} {labelName ?? "label"} predictions of the {m.Method} model (seed {m.Info.GetValueOrDefault("seed", "?")}) written to {outputPath}");
            return Task.FromResult(failures == 0 ? 0 : 1);
        });
        return command;
    }

    /// <summary>One warning per file too short or too quiet for its features to describe speech.</summary>
    private static void WarnAboutAudioLevels(IEnumerable<string> files, TextWriter err)
    {
        foreach (var file in files)
            if (AudioLevel.Measure(file).Problem() is { } problem)
                err.WriteLine($"warning: {file} is {problem}; its prediction describes no speech and is unreliable.");
    }

    /// <summary>Counts the predictions outside the scale the model's labels were on (when the model records it).</summary>
    private static void WarnOutsideScale(ValenceModel model, List<float> prediction, TextWriter err)
    {
        if (ModelLabel.ScaleOf(model) is not { } scale) return;
        var outside = prediction.Where(p => !scale.Contains(p)).ToList();
        if (outside.Count == 0) return;
        err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warning: {outside.Count} of {prediction.Count} predictions lie outside the model's {ModelLabel.Of(model)} scale {scale} (lowest {outside.Min():0.###}, highest {outside.Max():0.###}); the inputs may be unlike the training data."));
    }

    private static bool IsAudio(string input) =>
        Directory.Exists(input) || input.EndsWith(".wav", StringComparison.OrdinalIgnoreCase);

    /// <summary>The feature set (IS10, IS10 compat, eGeMAPS) whose names the model was trained on; other models cannot take audio.</summary>
    private static string AudioSet(ValenceModel model, string dir)
    {
        var names = model.Normalisation?.Names
            ?? throw new InvalidDataException($"The model {dir} does not store its feature names, so audio cannot be matched to it.");
        return AudioFeatureExtraction.SetOf(names) ?? throw new InvalidDataException(
            $"The model {dir} was trained on {names.Length} features starting '{names.FirstOrDefault()}', not on openSMILE's IS10-paraling set " +
            "nor on eGeMAPSv02, so it cannot predict from audio; give it feature files of its own kind.");
    }
}
