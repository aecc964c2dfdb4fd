using System.CommandLine;
using System.Globalization;
using SerAdapt.Adaptation;
using SerAdapt.Cli.Adaptation;
using SerAdapt.Engine;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt predict --model DIR INPUT... -o predictions.csv</c>: applies a saved model to raw
/// feature files (normalised with the model's stored statistics, or each input's own with
/// --normalise input) and writes <c>id,prediction</c> (plus <c>f1,f2</c> for MRD).
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder written by `seradapt train`.", Required = true };
        var inputs = new Argument<FileInfo[]>("inputs") { Description = "Feature files (.parquet, openSMILE ARFF/CSV, generic CSV).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Predictions CSV to write.", Required = true };
        var id = new Option<string?>("--id") { Description = "Generic CSV: the id column (default: the first column)." };
        var normalise = new Option<string>("--normalise")
        {
            Description = "model: the statistics stored in the model (its target corpus); input: each input's own (per-corpus z-normalisation).",
            DefaultValueFactory = _ => "model",
        };
        var command = new Command("predict", "Predict valence with a saved model.") { model, inputs, output, id, normalise };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            string dir = parse.GetRequiredValue(model).FullName;
            var m = ValenceModel.Load(dir);
            string mode = parse.GetRequiredValue(normalise);
            if (mode is not ("model" or "input"))
                throw new ArgumentException($"--normalise must be model or input, got '{mode}'.");
            if (m.UsedOracle)
                o.WriteLine($"note: {dir} is an ORACLE model (its epoch was chosen with target labels).");
            var ids = new List<string>();
            var prediction = new List<float>();
            var heads = new List<float>[m.HeadNames.Count];
            for (int h = 0; h < heads.Length; h++) heads[h] = [];
            foreach (var file in parse.GetRequiredValue(inputs))
            {
                var corpus = CorpusInput.LoadRaw(file.FullName, "valence", parse.GetValue(id), null, labelRequired: false, []);
                var expected = m.Normalisation?.Names;
                if (expected is not null)
                {
                    if (expected.Length != corpus.Dimension)
                        throw new ShapeMismatchException($"{file.FullName} has {corpus.Dimension} features, the model {dir} expects {expected.Length}.");
                    for (int j = 0; j < expected.Length; j++)
                        if (expected[j] != corpus.FeatureNames[j])
                            throw new InvalidDataException($"Feature {j + 1} differs: model {dir} has '{expected[j]}', input {file.FullName} has '{corpus.FeatureNames[j]}'.");
                }
                var raw = new Matrix(corpus.Features, 0, corpus.Count, corpus.Dimension);
                ModelPrediction p;
                if (mode == "input")
                {
                    var (normalised, _) = SerAdapt.Data.ZNormalization.PerCorpus(corpus);
                    p = m.Predict(new Matrix(normalised.Features, 0, normalised.Count, normalised.Dimension));
                }
                else
                {
                    p = m.PredictRaw(raw);
                }
                ids.AddRange(corpus.Ids);
                prediction.AddRange(p.Prediction);
                for (int h = 0; h < heads.Length; h++) heads[h].AddRange(p.Heads[h]);
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.FullName}: {corpus.Count} utterances"));
            }
            string path = parse.GetRequiredValue(output).FullName;
            PredictionFile.Write(path, ids, [.. prediction], heads.Select(h => h.ToArray()).ToArray());
            o.WriteLine($"{prediction.Count} predictions of the {m.Method} model (seed {m.Info.GetValueOrDefault("seed", "?")}) written to {path}");
            return 0;
        });
        return command;
    }
}
