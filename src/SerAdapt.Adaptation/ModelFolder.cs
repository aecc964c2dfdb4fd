using System.Globalization;
using System.Text.Json;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// The on-disk form of a <see cref="ValenceModel"/> (format version <see cref="FormatVersion"/>, see
/// docs/models.md): weights.safetensors and model.json in one folder, written to a temporary sibling
/// folder first and renamed into place, so a folder appears whole or not at all.
/// </summary>
internal static class ModelFolder
{
    public const int FormatVersion = 1;
    public const string WeightsFile = "weights.safetensors";
    public const string JsonFile = "model.json";

    /// <summary>Info keys whose values are JSON objects, written as objects at the top of model.json: the settings and the run record.</summary>
    public static readonly IReadOnlyList<string> JsonInfoKeys = ["options", "record"];

    public static string ToolVersion { get; } =
        typeof(ModelFolder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// Fails now, naming <paramref name="directory"/>, where <see cref="Save"/> would fail for the folder itself:
    /// not a model folder, a file, or a parent that cannot be created or written (checked with a probe file).
    /// </summary>
    public static void CheckWritable(string directory)
    {
        string parent = Parent(directory, out _);
        string probe = Path.Combine(parent, $".seradapt-probe-{Environment.ProcessId}-{DateTime.UtcNow.Ticks}");
        try
        {
            File.WriteAllBytes(probe, [0]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write the model folder {directory}: {ex.Message}", ex);
        }
    }

    // Checks the target folder and creates its parent; the full target path in `target`.
    private static string Parent(string directory, out string target)
    {
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, JsonFile)))
            throw new IOException($"'{directory}' exists and is not a SerAdapt model folder; it is left untouched. Choose another output folder.");
        if (File.Exists(target))
            throw new IOException($"'{directory}' is a file; a model is saved as a folder.");
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"'{directory}' has no parent folder.");
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the folder of {directory}: {ex.Message}", ex);
        }
        return parent;
    }

    public static void Save(ValenceModel model, string directory)
    {
        string parent = Parent(directory, out string target);
        string stamp = $"{Environment.ProcessId}-{DateTime.UtcNow.Ticks}";
        string temp = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{stamp}");
        try
        {
            Directory.CreateDirectory(temp);
            SafeTensors.Write(Path.Combine(temp, WeightsFile), model.StateDict());
            File.WriteAllBytes(Path.Combine(temp, JsonFile), ToJson(model));
            if (Directory.Exists(target))
            {
                string old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{stamp}");
                Directory.Move(target, old);
                Directory.Move(temp, target);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(temp, target);
            }
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    public static ValenceModel Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ModelFormatException(directory, $"Model folder '{directory}' does not exist.");
        string jsonPath = Path.Combine(directory, JsonFile);
        string weightsPath = Path.Combine(directory, WeightsFile);
        if (!File.Exists(jsonPath))
            throw new ModelFormatException(jsonPath, $"'{directory}' is not a SerAdapt model folder: '{jsonPath}' is missing.");
        if (!File.Exists(weightsPath))
            throw new ModelFormatException(weightsPath, $"Model folder '{directory}' is incomplete: '{weightsPath}' is missing.");
        ValenceModel model;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
            model = FromJson(doc.RootElement, jsonPath);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ModelFormatException(jsonPath, $"'{jsonPath}' is not a valid SerAdapt model description: {ex.Message}", ex);
        }
        try
        {
            model.LoadStateDict(SafeTensors.Read(weightsPath).Tensors);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or ArgumentException or IOException)
        {
            throw new ModelFormatException(weightsPath, $"'{weightsPath}' does not fit the model described in {JsonFile}: {ex.Message}", ex);
        }
        return model;
    }

    private static byte[] ToJson(ValenceModel model)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", FormatVersion);
            w.WriteString("tool", "SerAdapt");
            w.WriteString("toolVersion", ToolVersion);
            w.WriteString("method", model.Method);
            var a = model.Architecture;
            w.WriteStartObject("architecture");
            w.WriteNumber("inputs", a.Inputs);
            w.WriteNumber("width", a.Width);
            w.WriteNumber("encoderLayers", a.EncoderLayers);
            w.WriteNumber("dropout", a.Dropout);
            w.WriteString("block", "Linear -> BatchNorm1d -> SELU -> Dropout");
            w.WriteStartArray("heads");
            foreach (var head in a.HeadLayers)
            {
                w.WriteStartObject();
                w.WriteString("name", head.Name);
                w.WriteNumber("layers", head.Layers);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            if (model.Info.TryGetValue("seed", out var seed) && long.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s))
                w.WriteNumber("seed", s);
            foreach (string key in JsonInfoKeys)
            {
                if (!model.Info.TryGetValue(key, out var json)) continue;
                w.WritePropertyName(key);
                using var doc = JsonDocument.Parse(json);
                doc.RootElement.WriteTo(w);
            }
            w.WriteStartArray("featureNames");
            foreach (string name in model.Normalisation?.Names ?? []) w.WriteStringValue(name);
            w.WriteEndArray();
            if (model.Normalisation is { } norm)
            {
                w.WriteStartObject("normalisation");
                w.WriteString("formula", "x' = (x - mean) / std");
                WriteFloats(w, "mean", norm.Mean);
                WriteFloats(w, "std", norm.Std);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("normalisation");
            }
            w.WriteStartObject("info");
            foreach (var (key, value) in model.Info.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                if (!JsonInfoKeys.Contains(key))
                    w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteFloats(Utf8JsonWriter w, string name, float[] values)
    {
        w.WriteStartArray(name);
        foreach (float v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static ValenceModel FromJson(JsonElement root, string path)
    {
        int version = root.Need("formatVersion").GetInt32();
        if (version != FormatVersion)
            throw new ModelFormatException(path, $"'{path}' has model format version {version}; this SerAdapt ({ToolVersion}) reads version {FormatVersion}.");
        string method = root.Need("method").GetString() ?? throw new FormatException("\"method\" is null.");
        var a = root.Need("architecture");
        var heads = a.Need("heads").EnumerateArray()
            .Select(h => new HeadShape(h.Need("name").GetString() ?? "", h.Need("layers").GetInt32()))
            .ToList();
        var architecture = new NetworkArchitecture(a.Need("inputs").GetInt32(), a.Need("width").GetInt32(),
            a.Need("encoderLayers").GetInt32(), heads, a.Need("dropout").GetSingle());
        architecture.Validate();
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.Need("info").EnumerateObject())
            info[p.Name] = p.Value.GetString() ?? "";
        foreach (string key in JsonInfoKeys)
            if (root.TryGetProperty(key, out var json))
                info[key] = JsonSerializer.Serialize(json);
        var (encoder, headNets) = Networks.Build(architecture, new Rng(0));
        var model = new ValenceModel(method, architecture, encoder, headNets, info);
        if (root.Need("normalisation") is { ValueKind: JsonValueKind.Object } norm)
        {
            var names = root.Need("featureNames").EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
            var mean = norm.Need("mean").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            var std = norm.Need("std").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            var normalisation = new FeatureNormalisation(names, mean, std);
            normalisation.Validate();
            model.Normalisation = normalisation;
        }
        return model;
    }

    // GetProperty that names the missing key (GetProperty's KeyNotFoundException does not).
    private static JsonElement Need(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new KeyNotFoundException($"the key \"{name}\" is missing.");
}
