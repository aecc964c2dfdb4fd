using System.CommandLine;
using System.Globalization;
using SerAdapt.Adaptation;
using SerAdapt.Cli.Adaptation;
using SerAdapt.Data;
using SerAdapt.Evaluation;
using SerAdapt.Experiments;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt train --method M --source S [S2 ...] --target T -o MODEL_DIR</c>: trains one registered method
/// on labelled source corpora (several are pooled, see <see cref="SourceCorpora"/>) and a target (labels of the target are used only by train-on-target and
/// --selection oracle), saves the model folder, and prints the target's Pearson and CCC when it has labels.
/// Settings: the defaults, then <c>--config</c> (the experiment YAML), then the flags given; every
/// setting's flag is generated from the <see cref="MethodRegistry"/>.
/// </summary>
public static class TrainCommand
{
    public static Command Create(MethodRegistry registry)
    {
        var method = new Option<string>("--method") { Description = $"The method: {string.Join(" | ", registry.Names)}.", Required = true };
        method.AcceptOnlyFromAmong([.. registry.Names]);
        var source = new Option<FileInfo[]>("--source")
        {
            Description = "Labelled source corpus (.parquet, openSMILE ARFF/CSV, or generic CSV); several (--source a b ...) are each z-normalised on their own, then pooled.",
            Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore,
        };
        var target = new Option<FileInfo>("--target") { Description = "Target corpus (labels optional), same features as the source.", Required = true };
        var label = new Option<string>("--label") { Description = "valence | arousal | dominance; for a generic CSV, the label column.", DefaultValueFactory = _ => "valence" };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Model folder to write (weights.safetensors + model.json).", Required = true };
        var config = new Option<string?>("--config") { Description = "Experiment YAML file for the settings (as seradapt experiment; `seradapt config` prints every key)." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write the target's predictions (CSV as `seradapt predict`)." };
        var csvColumns = new CorpusCsvOptions();
        var force = ExistingOutput.ForceOption();
        var settings = new SettingOptions(registry);
        var command = new Command("train", $"Train one method ({string.Join(", ", registry.Methods.Select(m => m.Display))}) and save the model folder.")
        {
            method, source, target, label, output, force, config, predictions,
        };
        csvColumns.AddTo(command);
        settings.AddTo(command);
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            string name = parse.GetRequiredValue(method);
            var c = parse.GetValue(config) is { } path ? ExperimentConfigFile.Load(path, registry) : new ExperimentConfig { Registry = registry };
            c = settings.Apply(c, parse);
            // Every setting is checked before any corpus is read.
            // The target CCC per epoch goes to history.csv (marked) when the target has labels; it never chooses.
            // Not for train-on-target, whose final model trains on the target itself.
            bool onTarget = name == ExperimentConfig.TrainOnTarget;
            var options = c.Training with { MeasureTargetCcc = !onTarget };
            options.Validate();
            var trainer = c.CreateMethod(name);
            string modelDir = parse.GetRequiredValue(output).FullName;
            ExistingOutput.Check(parse.GetValue(force), modelDir);
            ValenceModel.CheckCanSave(modelDir); // before the training time is spent

            var sourcePaths = parse.GetRequiredValue(source).Select(f => f.FullName).ToList();
            string targetPath = parse.GetRequiredValue(target).FullName;
            string labelName = parse.GetRequiredValue(label);
            if (sourcePaths.Contains(targetPath))
                o.WriteLine($"warning: {(sourcePaths.Count == 1 ? "the" : "a")} source and the target are the same file ({targetPath}): there is no domain shift to adapt to.");
            var csv = csvColumns.Read(parse);
            var sourceDomains = sourcePaths.Select(p => CorpusDomain.Load(p, labelName, labelRequired: !onTarget, csv)).ToList();
            var t = CorpusDomain.Load(targetPath, labelName, labelRequired: onTarget, csv);
            var s = SourceCorpora.Pool(sourceDomains, t, labelName);
            foreach (string warning in s.Warnings.Concat(t.Warnings)) o.WriteLine($"warning: {warning}");
            string sources = string.Join(" + ", s.Corpora.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Path} ({c.Data.Count} utterances)")));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: source {sources}, target {targetPath} ({t.Data.Count}), {t.Data.Dimension} features, seed {options.Seed}"));
            if (onTarget)
                o.WriteLine("train-on-target trains on the target's own labels: the source corpora are not used (only their features are checked against the target's).");
            foreach (string mapping in s.ScaleMappingsOnto(t, labelName))
                o.WriteLine($"source {labelName} labels mapped onto the target's scale, {mapping}; predictions are on {t.Raw.Scales.For(labelName)}");
            if (options.Selection == ModelSelection.Oracle)
                o.WriteLine("ORACLE model selection: the epoch is chosen with the target's labels; results are optimistic.");

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
            Describe(model, s, t, labelName, modelDir);
            model.SaveOrKeep(modelDir);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model saved to {modelDir} ({result.EpochsTrained} epochs, best epoch {model.Info["best_epoch"]})"));
            WriteHistory(model, modelDir, o);

            if (parse.GetValue(predictions) is { } predictionFile)
            {
                var heads = onTarget ? [result.TargetPredictions] : model.Predict(t.Data.Features).Heads;
                PredictionFile.Write(predictionFile.FullName, ModelLabel.Column(model), t.Data.Ids!, result.TargetPredictions, heads);
                o.WriteLine($"target predictions written to {predictionFile.FullName}");
            }
            PrintTargetScores(o, result, t, name);
            return 0;
        });
        return command;
    }

    private static void KeepBest(ValenceModel model, int epoch, SourceCorpora source, CorpusDomain target, string label, string modelDir, TextWriter o)
    {
        Describe(model, source, target, label, modelDir);
        model.SaveOrKeep(modelDir);
        o.WriteLine($"kept the model of epoch {epoch} in {modelDir}");
        WriteHistory(model, modelDir, o);
    }

    private static void WriteHistory(ValenceModel model, string modelDir, TextWriter o)
    {
        if (TrainingHistory.Write(model, modelDir) is { } figure)
            o.WriteLine($"learning curve: {Path.Combine(modelDir, TrainingHistory.CsvFile)}, {figure.Png}");
    }

    // The model applies the TARGET's statistics to raw inputs; each source's own are kept for reference.
    // The run record (version, machine, corpus checksums) sits beside the settings in model.json.
    private static void Describe(ValenceModel model, SourceCorpora sources, CorpusDomain target, string label, string modelDir)
    {
        var corpora = new Dictionary<string, CorpusFingerprint>
        {
            ["target"] = CorpusFingerprint.Of(target.Path, target.Raw.Count),
        };
        for (int k = 0; k < sources.Corpora.Count; k++)
            corpora[SourceCorpora.Role(k, sources.Corpora.Count)] = CorpusFingerprint.Of(sources.Corpora[k].Path, sources.Corpora[k].Raw.Count);
        model.SetInfo("record", RunRecord.Capture(corpora).ToJson(modelDir).ToJsonString());
        target.DescribeAsTargetOf(model, label);
        model.SetInfo("sources", sources.PathsJson());
        if (sources.ScaleMappingsOnto(target, label) is { Count: > 0 } mappings) model.SetInfo("source_label_mapping", string.Join("; ", mappings));
        model.SetInfo("source_normalisation", sources.NormalisationJson());
    }

    private static void PrintTargetScores(TextWriter o, FitResult result, CorpusDomain target, string method)
    {
        if (target.Data.Labels is null)
        {
            o.WriteLine("the target has no labels: no scores.");
            return;
        }
        var (p, y) = target.Data.LabelledPairs(result.TargetPredictions);
        string what = method == ExperimentConfig.TrainOnTarget ? "target (pooled leave-one-group-out predictions)" : "target";
        string oracle = result.UsedOracle ? " [ORACLE: epoch chosen with target labels]" : "";
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: Pearson {RegressionMetrics.Pearson(p, y):F4}, CCC {RegressionMetrics.Ccc(p, y):F4} on {p.Length} labelled utterances{oracle}"));
    }
}
