using System.CommandLine;
using System.Globalization;
using SerAdapt.Adaptation;
using SerAdapt.Cli.Adaptation;
using SerAdapt.Data;
using SerAdapt.Evaluation;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt train --method M --source S --target T -o MODEL_DIR</c>: trains one of the five systems
/// on a labelled source and a target (labels of the target are used only by train-on-target and
/// --selection oracle), saves the model folder, and prints the target's Pearson and CCC when it has labels.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainingOptions();
        var mrdDefaults = new MrdOptions();
        var method = new Option<string>("--method") { Description = "source-only | train-on-target | dann | coral | mrd.", Required = true };
        var source = new Option<FileInfo>("--source") { Description = "Labelled source corpus (.parquet, openSMILE ARFF/CSV, or generic CSV).", Required = true };
        var target = new Option<FileInfo>("--target") { Description = "Target corpus (labels optional), same features as the source.", Required = true };
        var label = new Option<string>("--label") { Description = "valence | arousal | dominance; for a generic CSV, the label column.", DefaultValueFactory = _ => "valence" };
        var id = new Option<string?>("--id") { Description = "Generic CSV: the id column (default: the first column)." };
        var session = new Option<string?>("--session") { Description = "Generic CSV: the session column (groups for train-on-target)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Model folder to write (weights.safetensors + model.json).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs (paper: up to 100).", DefaultValueFactory = _ => defaults.Epochs };
        var lr = new Option<float>("--lr") { Description = "Adam learning rate (paper: 5e-5 to 5e-4).", DefaultValueFactory = _ => defaults.LearningRate };
        var batch = new Option<int>("--batch-size") { Description = "Mini-batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var m = new Option<int>("--m") { Description = "MRD: encoder updates per batch in step 3.", DefaultValueFactory = _ => mrdDefaults.EncoderSteps };
        var width = new Option<int>("--width") { Description = "Width of every hidden layer.", DefaultValueFactory = _ => defaults.Width };
        var encoderLayers = new Option<int>("--encoder-layers") { Description = "Hidden blocks of the encoder.", DefaultValueFactory = _ => defaults.EncoderLayers };
        var dropout = new Option<float>("--dropout") { Description = "Dropout probability.", DefaultValueFactory = _ => defaults.Dropout };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation, shuffling and dropout.", DefaultValueFactory = _ => defaults.Seed };
        var selection = new Option<string>("--selection")
        {
            Description = "fixed (last epoch) | source-val (best epoch on held-out source) | oracle (best target CCC: uses target labels).",
            DefaultValueFactory = _ => "source-val",
        };
        var oracle = new Option<bool>("--oracle") { Description = "Same as --selection oracle." };
        var patience = new Option<int>("--patience") { Description = "source-val: epochs without improvement before stopping.", DefaultValueFactory = _ => defaults.Patience };
        var validation = new Option<float>("--validation-fraction") { Description = "source-val: part of the source held out.", DefaultValueFactory = _ => defaults.ValidationFraction };
        var coralLambda = new Option<float>("--coral-lambda") { Description = "Deep CORAL: weight of the CORAL loss.", DefaultValueFactory = _ => new CoralOptions().Lambda };
        var threads = new Option<int>("--threads") { Description = "Threads for the matrix products (0: all cores).", DefaultValueFactory = _ => 0 };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write the target's predictions (CSV as `seradapt predict`)." };
        var featureColumns = GenericCsvColumnOptions.FeaturesOption();
        var command = new Command("train", "Train Source-only, Train-on-Target, DANN, Deep CORAL or MRD and save the model folder.")
        {
            method, source, target, label, id, session, output, epochs, lr, batch, m, width, encoderLayers, dropout, seed,
            selection, oracle, patience, validation, coralLambda, threads, predictions, featureColumns,
        };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            string name = parse.GetRequiredValue(method);
            var options = new TrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                LearningRate = parse.GetValue(lr),
                BatchSize = parse.GetValue(batch),
                Width = parse.GetValue(width),
                EncoderLayers = parse.GetValue(encoderLayers),
                Dropout = parse.GetValue(dropout),
                Seed = parse.GetValue(seed),
                Selection = parse.GetValue(oracle) ? ModelSelection.Oracle : ParseSelection(parse.GetRequiredValue(selection)),
                Patience = parse.GetValue(patience),
                ValidationFraction = parse.GetValue(validation),
                Threads = parse.GetValue(threads),
            };
            var mrd = mrdDefaults with { EncoderSteps = parse.GetValue(m) };
            var coral = new CoralOptions(parse.GetValue(coralLambda));
            // Every setting is checked before any corpus is read.
            options.Validate();
            mrd.Validate();
            coral.Validate();
            var trainer = AdaptationMethods.Create(name, mrd: mrd, coral: coral);

            string sourcePath = parse.GetRequiredValue(source).FullName, targetPath = parse.GetRequiredValue(target).FullName;
            string labelName = parse.GetRequiredValue(label);
            var s = CorpusInput.Load(sourcePath, labelName, parse.GetValue(id), parse.GetValue(session), labelRequired: name != "train-on-target", parse.GetValue(featureColumns));
            var t = CorpusInput.Load(targetPath, labelName, parse.GetValue(id), parse.GetValue(session), labelRequired: name == "train-on-target", parse.GetValue(featureColumns));
            CorpusLoader.CheckCompatible(s.Raw, sourcePath, t.Raw, targetPath);
            foreach (string warning in s.Warnings.Concat(t.Warnings)) o.WriteLine($"warning: {warning}");
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: source {sourcePath} ({s.Data.Count} utterances), target {targetPath} ({t.Data.Count}), {s.Data.Dimension} features, seed {options.Seed}"));
            LabelScale fromScale = s.Raw.Scales.For(labelName), toScale = t.Raw.Scales.For(labelName);
            if (fromScale != toScale)
            {
                s = s.OnScaleOf(t, labelName);
                o.WriteLine($"source {labelName} labels mapped onto the target's scale, {fromScale.DescribeMapTo(toScale)}; predictions are on {toScale}");
            }
            if (options.Selection == ModelSelection.Oracle)
                o.WriteLine("ORACLE model selection: the epoch is chosen with the target's labels; results are optimistic.");

            string modelDir = parse.GetRequiredValue(output).FullName;
            FitResult result;
            using var cancellation = new ConsoleCancellation();
            try
            {
                result = TrainingReporter.Run(o, progress => trainer.Fit(s.Data, t.Data, options, progress, cancellation.Token));
            }
            catch (TrainingDivergedException ex) when (ex.BestModel is not null)
            {
                KeepBest(ex.BestModel, ex.BestEpoch, s, t, labelName, modelDir, o);
                throw;
            }
            catch (TrainingInterruptedException ex) when (ex.BestModel is not null)
            {
                o.WriteLine($"interrupted in epoch {ex.Epoch}");
                KeepBest(ex.BestModel, ex.BestEpoch, s, t, labelName, modelDir, o);
                throw;
            }
            var model = result.Model;
            Describe(model, s, t, labelName);
            model.Save(modelDir);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model saved to {modelDir} ({result.EpochsTrained} epochs, best epoch {model.Info["best_epoch"]})"));

            if (parse.GetValue(predictions) is { } predictionFile)
            {
                var heads = name == "train-on-target" ? [result.TargetPredictions] : model.Predict(t.Data.Features).Heads;
                PredictionFile.Write(predictionFile.FullName, t.Data.Ids!, result.TargetPredictions, heads);
                o.WriteLine($"target predictions written to {predictionFile.FullName}");
            }
            PrintTargetScores(o, result, t, name);
            return 0;
        });
        return command;
    }

    internal static ModelSelection ParseSelection(string value) => value switch
    {
        "fixed" => ModelSelection.FixedEpochs,
        "source-val" => ModelSelection.SourceValidation,
        "oracle" => ModelSelection.Oracle,
        _ => throw new ArgumentException($"--selection must be fixed, source-val or oracle, got '{value}'."),
    };

    private static void KeepBest(ValenceModel model, int epoch, CorpusInput source, CorpusInput target, string label, string modelDir, TextWriter o)
    {
        Describe(model, source, target, label);
        model.Save(modelDir);
        o.WriteLine($"kept the model of epoch {epoch} in {modelDir}");
    }

    // The model applies the TARGET's statistics to raw inputs; the source's are kept for reference.
    private static void Describe(ValenceModel model, CorpusInput source, CorpusInput target, string label)
    {
        model.Normalisation = target.Normalisation;
        model.SetInfo("source", source.Path);
        model.SetInfo("target", target.Path);
        model.SetInfo("label", label);
        LabelScale sourceScale = source.Raw.Scales.For(label), targetScale = target.Raw.Scales.For(label);
        model.SetInfo("label_scale", targetScale.ToString());
        if (sourceScale != targetScale) model.SetInfo("source_label_mapping", sourceScale.DescribeMapTo(targetScale));
        model.SetInfo("normalisation", $"z-normalisation statistics of the target corpus {target.Path}");
        model.SetInfo("source_normalisation", source.NormalisationJson());
    }

    private static void PrintTargetScores(TextWriter o, FitResult result, CorpusInput target, string method)
    {
        var labels = target.Data.Labels;
        if (labels is null)
        {
            o.WriteLine("the target has no labels: no scores.");
            return;
        }
        var rows = Enumerable.Range(0, labels.Length).Where(i => float.IsFinite(labels[i])).ToArray();
        var p = rows.Select(i => result.TargetPredictions[i]).ToArray();
        var y = rows.Select(i => labels[i]).ToArray();
        string what = method == "train-on-target" ? "target (pooled leave-one-group-out predictions)" : "target";
        string oracle = result.UsedOracle ? " [ORACLE: epoch chosen with target labels]" : "";
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: Pearson {RegressionMetrics.Pearson(p, y):F4}, CCC {RegressionMetrics.Ccc(p, y):F4} on {rows.Length} labelled utterances{oracle}"));
    }
}
