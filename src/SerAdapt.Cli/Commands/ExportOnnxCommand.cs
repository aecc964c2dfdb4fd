using System.CommandLine;
using SerAdapt.Adaptation;

namespace SerAdapt.Cli.Commands;

/// <summary><c>seradapt export-onnx --model DIR -o model.onnx</c>: the model as an ONNX graph with batch normalisation and the input normalisation folded in.</summary>
public static class ExportOnnxCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder written by `seradapt train`.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "ONNX file to write.", Required = true };
        var command = new Command("export-onnx", "Export a saved model to ONNX (input: raw features; outputs: prediction, f1, f2, ...).") { model, output };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            string dir = parse.GetRequiredValue(model).FullName;
            var m = ValenceModel.Load(dir);
            string path = parse.GetRequiredValue(output).FullName;
            m.ExportOnnx(path);
            string input = m.Normalisation is null ? "normalised features" : "raw features (normalisation folded in)";
            o.WriteLine($"{m.Method} model {dir} exported to {path}; input 'features' ({m.Architecture.Inputs} {input}), outputs 'prediction' and {string.Join(", ", m.HeadNames.Select((_, i) => $"'f{i + 1}'"))}"
                + (m.UsedOracle ? " [ORACLE model: epoch chosen with target labels]" : ""));
            return 0;
        });
        return command;
    }
}
