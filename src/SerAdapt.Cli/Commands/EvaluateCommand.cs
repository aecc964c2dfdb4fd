using System.CommandLine;
using System.Globalization;
using SerAdapt.Cli.Adaptation;
using SerAdapt.Data;
using SerAdapt.Experiments;
using SerAdapt.Evaluation;

namespace SerAdapt.Cli.Commands;

/// <summary><c>seradapt evaluate --predictions P --truth CORPUS</c>: Pearson, CCC, RMSE and MAE of predictions against labels, matched by id.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var predictions = new Option<FileInfo>("--predictions") { Description = "CSV with columns id and the prediction (named 'prediction' or after its label, as predict writes it: 'valence', ...).", Required = true };
        var truth = new Option<FileInfo>("--truth") { Description = "Labelled corpus (.parquet, openSMILE ARFF/CSV, generic CSV).", Required = true };
        var label = new Option<string>("--label") { Description = "valence | arousal | dominance; for a generic CSV, the label column.", DefaultValueFactory = _ => "valence" };
        var id = new Option<string?>("--id") { Description = "Generic CSV: the id column (default: the first column)." };
        var command = new Command("evaluate", "Score predictions against a labelled corpus: Pearson, CCC, RMSE, MAE.") { predictions, truth, label, id };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            string predictionPath = parse.GetRequiredValue(predictions).FullName, truthPath = parse.GetRequiredValue(truth).FullName;
            string labelName = parse.GetRequiredValue(label);
            var (ids, values, predicted) = PredictionFile.Read(predictionPath);
            // A generic CSV's label column is read as valence, so only two different dimensions clash.
            if (predicted is not null && predicted != labelName
                && CorpusDomain.Dimensions.Contains(predicted) && CorpusDomain.Dimensions.Contains(labelName))
                throw new InvalidDataException(
                    $"{predictionPath} holds {predicted} predictions; scoring them against {labelName} labels would mean nothing. Give --label {predicted}, or predictions of {labelName}.");
            var corpus = CorpusDomain.LoadRaw(truthPath, labelName, labelRequired: true, new GenericCsvOptions(IdColumn: parse.GetValue(id)), []);
            var labels = CorpusDomain.Labels(corpus, labelName);
            var row = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < corpus.Count; i++) row[corpus.Ids[i]] = i;
            var missing = ids.Where(x => !row.ContainsKey(x)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"{missing.Count} of {ids.Length} ids in {predictionPath} are not in {truthPath} (first: '{missing[0]}').");
            var p = new List<float>();
            var y = new List<float>();
            for (int i = 0; i < ids.Length; i++)
            {
                float truthValue = labels[row[ids[i]]];
                if (!float.IsFinite(truthValue)) continue;
                p.Add(values[i]);
                y.Add(truthValue);
            }
            if (p.Count < 2)
                throw new InvalidDataException($"{truthPath} has {labelName} labels for {p.Count} of the {ids.Length} predicted utterances; scoring needs at least 2.");
            float[] pa = [.. p], ya = [.. y];
            var c = CultureInfo.InvariantCulture;
            int labelled = labels.Count(float.IsFinite);
            if (p.Count < labelled)
                o.WriteLine(string.Create(c, $"warning: {labelled - p.Count} of the {labelled} labelled utterances in {truthPath} have no prediction; scored on the {p.Count} predicted."));
            o.WriteLine(string.Create(c, $"{p.Count} utterances ({ids.Length - p.Count} without a label for {labelName} skipped)"));
            o.WriteLine(string.Create(c, $"Pearson {RegressionMetrics.Pearson(pa, ya):F4}"));
            o.WriteLine(string.Create(c, $"CCC     {RegressionMetrics.Ccc(pa, ya):F4}"));
            o.WriteLine(string.Create(c, $"RMSE    {RegressionMetrics.Rmse(pa, ya):F4}"));
            o.WriteLine(string.Create(c, $"MAE     {RegressionMetrics.Mae(pa, ya):F4}"));
            return 0;
        });
        return command;
    }
}
