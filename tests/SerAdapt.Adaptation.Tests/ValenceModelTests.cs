using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

public sealed class ValenceModelTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "seradapt-model-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static (ValenceModel Model, DomainData Target) TrainedMrd()
    {
        var (source, target) = SyntheticPair.Create(96, 64);
        var model = new Mrd(SyntheticPair.SmallMrd).Fit(source, target, SyntheticPair.SmallOptions(2)).Model;
        var names = Enumerable.Range(0, SyntheticPair.Dimension).Select(i => $"f{i}").ToArray();
        model.Normalisation = new FeatureNormalisation(names,
            names.Select((_, i) => 0.5f * i - 1f).ToArray(), names.Select((_, i) => 1f + 0.25f * i).ToArray());
        return (model, target);
    }

    [Fact]
    public void SaveLoad_RoundTrip_PredictionsBitIdentical()
    {
        var (model, target) = TrainedMrd();
        model.SetInfo("source_normalisation", "{\"mean\":[1]}");
        string folder = Path.Combine(_dir, "model");
        model.Save(folder + Path.DirectorySeparatorChar);
        var loaded = ValenceModel.Load(folder);

        Assert.Equal("mrd", loaded.Method);
        Assert.Equal(model.Architecture.Inputs, loaded.Architecture.Inputs);
        Assert.Equal(model.HeadNames, loaded.HeadNames);
        Assert.Equal(model.Info.OrderBy(kv => kv.Key), loaded.Info.OrderBy(kv => kv.Key));
        Assert.Equal(model.Normalisation!.Names, loaded.Normalisation!.Names);
        Assert.Equal(model.Normalisation.Mean, loaded.Normalisation.Mean);
        Assert.Equal(model.Normalisation.Std, loaded.Normalisation.Std);
        var expected = model.Predict(target.Features);
        var actual = loaded.Predict(target.Features);
        Assert.Equal(expected.Prediction, actual.Prediction);
        Assert.Equal(expected.Heads[0], actual.Heads[0]);
        Assert.Equal(expected.Heads[1], actual.Heads[1]);
        Assert.Equal(model.PredictRaw(target.Features).Prediction, loaded.PredictRaw(target.Features).Prediction);
        Assert.Equal(model.Encode(target.Features).Span.ToArray(), loaded.Encode(target.Features).Span.ToArray());
        Assert.DoesNotContain(Directory.GetDirectories(_dir), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void Save_WeightsUsePyTorchStateDictNames()
    {
        var (model, _) = TrainedMrd();
        string folder = Path.Combine(_dir, "model");
        model.Save(folder);
        var names = SafeTensors.Read(Path.Combine(folder, "weights.safetensors")).Tensors.Keys.ToHashSet();
        Assert.Contains("encoder.0.weight", names);
        Assert.Contains("encoder.1.running_var", names);
        Assert.Contains("r1.4.bias", names);
        Assert.Contains("r2.8.weight", names);
        Assert.DoesNotContain("encoder.0.bias", names);
        string json = File.ReadAllText(Path.Combine(folder, "model.json"));
        Assert.Contains("\"formatVersion\": 1", json);
        Assert.Contains("\"seed\": 5", json);
        Assert.Contains("\"featureNames\"", json);
    }

    [Fact]
    public void Save_OverExistingModel_ReplacesIt()
    {
        var (model, target) = TrainedMrd();
        string folder = Path.Combine(_dir, "model");
        model.Save(folder);
        model.SetInfo("note", "second");
        model.Save(folder);
        Assert.Equal("second", ValenceModel.Load(folder).Info["note"]);
        Assert.Single(Directory.GetFileSystemEntries(_dir));
        Assert.Equal(model.Predict(target.Features).Prediction, ValenceModel.Load(folder).Predict(target.Features).Prediction);
    }

    [Fact]
    public void Save_IntoFolderThatIsNotAModel_RefusesAndLeavesItAlone()
    {
        var (model, _) = TrainedMrd();
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "keep me");
        var ex = Assert.Throws<IOException>(() => model.Save(_dir));
        Assert.Contains("not a SerAdapt model folder", ex.Message);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(_dir, "notes.txt")));
    }

    [Fact]
    public void Load_MissingFolder_FailsNamingPath()
    {
        string folder = Path.Combine(_dir, "nowhere");
        var ex = Assert.Throws<ModelFormatException>(() => ValenceModel.Load(folder));
        Assert.Contains(folder, ex.Message);
    }

    [Fact]
    public void Load_MissingWeights_FailsNamingFile()
    {
        var (model, _) = TrainedMrd();
        string folder = Path.Combine(_dir, "model");
        model.Save(folder);
        File.Delete(Path.Combine(folder, "weights.safetensors"));
        var ex = Assert.Throws<ModelFormatException>(() => ValenceModel.Load(folder));
        Assert.Contains("weights.safetensors", ex.Message);
    }

    [Fact]
    public void Load_OtherFormatVersion_FailsNamingVersionAndPath()
    {
        var (model, _) = TrainedMrd();
        string folder = Path.Combine(_dir, "model");
        model.Save(folder);
        string json = Path.Combine(folder, "model.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"formatVersion\": 1", "\"formatVersion\": 99"));
        var ex = Assert.Throws<ModelFormatException>(() => ValenceModel.Load(folder));
        Assert.Contains("version 99", ex.Message);
        Assert.Contains(json, ex.Message);
    }

    [Fact]
    public void Load_CorruptJson_FailsNamingFile()
    {
        var (model, _) = TrainedMrd();
        string folder = Path.Combine(_dir, "model");
        model.Save(folder);
        File.WriteAllText(Path.Combine(folder, "model.json"), "{ not json");
        var ex = Assert.Throws<ModelFormatException>(() => ValenceModel.Load(folder));
        Assert.Contains("model.json", ex.Message);
    }

    [Fact]
    public void ExportOnnx_OnnxRuntimeMatchesPredictRawWithin1e4()
    {
        var (model, target) = TrainedMrd();
        string path = Path.Combine(_dir, "model.onnx");
        Directory.CreateDirectory(_dir);
        model.ExportOnnx(path);
        var expected = model.PredictRaw(target.Features);

        var input = new DenseTensor<float>(target.Features.Span.ToArray(), [target.Count, SyntheticPair.Dimension]);
        using var session = new InferenceSession(path);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("features", input)]);
        var prediction = results.Single(r => r.Name == "prediction").AsTensor<float>();
        var f1 = results.Single(r => r.Name == "f1").AsTensor<float>();
        var f2 = results.Single(r => r.Name == "f2").AsTensor<float>();
        for (int i = 0; i < target.Count; i++)
        {
            Assert.Equal(expected.Prediction[i], prediction[i, 0], 1e-4);
            Assert.Equal(expected.Heads[0][i], f1[i, 0], 1e-4);
            Assert.Equal(expected.Heads[1][i], f2[i, 0], 1e-4);
        }
        Assert.Equal("mrd", session.ModelMetadata.CustomMetadataMap["method"]);
    }

    [Fact]
    public void Predict_WrongFeatureCount_FailsNamingBoth()
    {
        var (model, _) = TrainedMrd();
        var ex = Assert.Throws<ShapeMismatchException>(() => model.Predict(new Matrix(3, 5)));
        Assert.Contains("8 features", ex.Message);
        Assert.Contains("5 columns", ex.Message);
    }

    [Fact]
    public void PredictRaw_WithoutNormalisation_FailsClearly()
    {
        var (model, target) = TrainedMrd();
        model.Normalisation = null;
        var ex = Assert.Throws<InvalidOperationException>(() => model.PredictRaw(target.Features));
        Assert.Contains("no normalisation", ex.Message);
    }
}
