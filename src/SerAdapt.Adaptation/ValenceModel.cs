using SerAdapt.Adaptation.Export;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// A trained valence regressor: encoder E and one or more regression heads (f_k = R_k(E(x))); the
/// prediction is the mean of the heads ((f1 + f2) / 2 for MRD). A model is a folder:
/// weights.safetensors (PyTorch state_dict names "encoder.0.weight", "r1.0.weight", ...) and
/// model.json (method, architecture, options, seed, feature names, normalisation, tool version).
/// Not thread-safe: the networks reuse their buffers between calls.
/// </summary>
public sealed class ValenceModel
{
    /// <summary>Rows per forward pass in <see cref="Predict"/> and <see cref="Encode"/> (bounds memory).</summary>
    internal const int InferenceChunk = 512;

    private readonly Dictionary<string, string> _info;

    internal ValenceModel(string method, NetworkArchitecture architecture, Sequential encoder, IReadOnlyList<Sequential> heads,
        IDictionary<string, string>? info = null)
    {
        if (heads.Count != architecture.HeadLayers.Count)
            throw new ArgumentException($"The architecture names {architecture.HeadLayers.Count} heads, {heads.Count} were given.");
        Method = method;
        Architecture = architecture;
        EncoderNetwork = encoder;
        HeadNetworks = heads;
        _info = new Dictionary<string, string>(info ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    /// <summary>A freshly initialised (untrained) model of the given shape.</summary>
    public static ValenceModel Create(string method, NetworkArchitecture architecture, Rng rng)
    {
        var (encoder, heads) = Networks.Build(architecture, rng);
        return new ValenceModel(method, architecture, encoder, heads);
    }

    public string Method { get; }

    public NetworkArchitecture Architecture { get; }

    /// <summary>Applied to raw inputs by <see cref="PredictRaw"/> (the caller sets it: the target corpus statistics).</summary>
    public FeatureNormalisation? Normalisation { get; set; }

    /// <summary>Options, seed, tool version, oracle flag, selection details...; written to model.json.</summary>
    public IReadOnlyDictionary<string, string> Info => _info;

    /// <summary>True when the epoch was chosen with the target's labels (<see cref="ModelSelection.Oracle"/>).</summary>
    public bool UsedOracle => _info.TryGetValue("oracle", out var v) && v == "true";

    public IReadOnlyList<string> HeadNames => Architecture.HeadLayers.Select(h => h.Name).ToList();

    internal Sequential EncoderNetwork { get; }

    internal IReadOnlyList<Sequential> HeadNetworks { get; }

    public void SetInfo(string key, string value) => _info[key] = value;

    /// <summary>The learning curve of the training that made this model (empty for a loaded model: see history.csv beside it).</summary>
    public IReadOnlyList<EpochRecord> History { get; internal set; } = [];

    /// <summary>Eval mode (running statistics, no dropout), deterministic; features already normalised.</summary>
    public ModelPrediction Predict(Matrix normalisedFeatures)
    {
        RequireInputs(normalisedFeatures);
        int n = normalisedFeatures.Rows;
        var heads = new float[HeadNetworks.Count][];
        for (int h = 0; h < heads.Length; h++) heads[h] = new float[n];
        InEvalMode(() =>
        {
            for (int start = 0; start < n; start += InferenceChunk)
            {
                int count = Math.Min(InferenceChunk, n - start);
                var z = EncoderNetwork.Forward(normalisedFeatures.RowsView(start, count));
                for (int h = 0; h < heads.Length; h++)
                    HeadNetworks[h].Forward(z).Span.CopyTo(heads[h].AsSpan(start, count));
            }
        });
        return new ModelPrediction(MeanOfHeads(heads, n), heads);
    }

    /// <summary>Normalises raw features with <see cref="Normalisation"/>, then predicts.</summary>
    public ModelPrediction PredictRaw(Matrix rawFeatures) => Predict(Normalise(rawFeatures));

    /// <summary>x' = (x - mean) / std with <see cref="Normalisation"/>.</summary>
    public Matrix Normalise(Matrix rawFeatures)
    {
        var norm = Normalisation ?? throw new InvalidOperationException(
            $"This {Method} model has no normalisation statistics; give it normalised features (Predict) or set Normalisation.");
        RequireInputs(rawFeatures);
        if (norm.Dimension != rawFeatures.Cols)
            throw new ShapeMismatchException($"The model's normalisation has {norm.Dimension} features, the input has {rawFeatures.Cols} columns.");
        var x = new Matrix(rawFeatures.Rows, rawFeatures.Cols);
        for (int r = 0; r < x.Rows; r++)
        {
            var src = rawFeatures.Row(r);
            var dst = x.Row(r);
            for (int c = 0; c < dst.Length; c++) dst[c] = (src[c] - norm.Mean[c]) / norm.Std[c];
        }
        return x;
    }

    /// <summary>Encoder output E(x) (N x Width) in eval mode; features already normalised.</summary>
    public Matrix Encode(Matrix normalisedFeatures)
    {
        RequireInputs(normalisedFeatures);
        int n = normalisedFeatures.Rows;
        var result = new Matrix(n, Architecture.Width);
        InEvalMode(() =>
        {
            for (int start = 0; start < n; start += InferenceChunk)
            {
                int count = Math.Min(InferenceChunk, n - start);
                EncoderNetwork.Forward(normalisedFeatures.RowsView(start, count)).Span.CopyTo(result.RowsView(start, count).Span);
            }
        });
        return result;
    }

    /// <summary>Writes weights.safetensors and model.json into <paramref name="directory"/>, whole or not at all.</summary>
    public void Save(string directory) => ModelFolder.Save(this, directory);

    /// <summary>Fails now if <see cref="Save"/> into <paramref name="directory"/> cannot work (call it before a long training).</summary>
    public static void CheckCanSave(string directory) => ModelFolder.CheckWritable(directory);

    /// <summary>
    /// <see cref="Save"/>; when that fails (full disk, permissions), saves into a new folder under the system temp
    /// folder and throws <see cref="ModelSaveException"/> naming it, so hours of training are not lost.
    /// </summary>
    public void SaveOrKeep(string directory)
    {
        try
        {
            Save(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string kept = Path.Combine(Path.GetTempPath(), $"seradapt-unsaved-{Method}-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddTHHmmss}");
            Save(kept);
            throw new ModelSaveException(directory, kept, ex);
        }
    }

    /// <summary>Reads a folder written by <see cref="Save"/>; <see cref="ModelFormatException"/> naming the path otherwise.</summary>
    public static ValenceModel Load(string directory) => ModelFolder.Load(directory);

    /// <summary>
    /// Writes an ONNX graph: input "features" (N, D) RAW when <see cref="Normalisation"/> is set (it is
    /// folded into the first layer), normalised otherwise; outputs "prediction", "f1", "f2", ... (N, 1).
    /// Batch normalisation is folded into the Linear layers; dropout is the identity at inference.
    /// </summary>
    public void ExportOnnx(string path)
    {
        var encoder = DenseLayers(EncoderNetwork);
        if (Normalisation is { } norm)
        {
            if (norm.Dimension != Architecture.Inputs)
                throw new ShapeMismatchException($"The model's normalisation has {norm.Dimension} features, its encoder {Architecture.Inputs} inputs.");
            encoder[0] = encoder[0].FoldInputNormalisation(norm.Mean, norm.Std);
        }
        var heads = HeadNetworks.Select(h => (IReadOnlyList<DenseLayer>)DenseLayers(h)).ToList();
        var metadata = new Dictionary<string, string>(_info, StringComparer.Ordinal)
        {
            ["method"] = Method,
            ["input"] = Normalisation is null ? "normalised features" : "raw features (normalisation folded in)",
        };
        OnnxExporter.Write(path, encoder, heads, metadata);
    }

    /// <summary>Every parameter and buffer, named as in weights.safetensors.</summary>
    internal Dictionary<string, TensorData> StateDict()
    {
        var state = EncoderNetwork.StateDict("encoder.");
        for (int h = 0; h < HeadNetworks.Count; h++)
            foreach (var (name, t) in HeadNetworks[h].StateDict(Architecture.HeadLayers[h].Name + "."))
                state.Add(name, t);
        return state;
    }

    internal void LoadStateDict(IReadOnlyDictionary<string, TensorData> state)
    {
        EncoderNetwork.LoadStateDict(state, "encoder.");
        for (int h = 0; h < HeadNetworks.Count; h++)
            HeadNetworks[h].LoadStateDict(state, Architecture.HeadLayers[h].Name + ".");
    }

    internal void SetTraining(bool training)
    {
        EncoderNetwork.SetTraining(training);
        foreach (var h in HeadNetworks) h.SetTraining(training);
    }

    internal static float[] MeanOfHeads(float[][] heads, int n)
    {
        var mean = new float[n];
        for (int i = 0; i < n; i++)
        {
            float s = 0;
            foreach (var h in heads) s += h[i];
            mean[i] = s / heads.Length;
        }
        return mean;
    }

    private void InEvalMode(Action action)
    {
        bool wasTraining = EncoderNetwork.IsTraining;
        SetTraining(false);
        try { action(); }
        finally { SetTraining(wasTraining); }
    }

    private void RequireInputs(Matrix x)
    {
        if (x.Cols != Architecture.Inputs)
            throw new ShapeMismatchException($"This {Method} model expects {Architecture.Inputs} features per row, the input has {x.Cols} columns.");
    }

    // Linear [-> BatchNorm1d] [-> SELU] [-> Dropout] ... as a chain of dense layers with BN folded.
    private static List<DenseLayer> DenseLayers(Sequential net)
    {
        var layers = new List<DenseLayer>();
        foreach (var module in net.Modules)
        {
            switch (module)
            {
                case Linear linear:
                    layers.Add(new DenseLayer(linear.InFeatures, linear.OutFeatures, linear.Weight.Value.Span.ToArray(),
                        linear.Bias?.Value.Span.ToArray() ?? new float[linear.OutFeatures], false));
                    break;
                case BatchNorm1d bn:
                    layers[^1] = layers[^1].FoldBatchNorm(bn.Weight.Value.Span, bn.Bias.Value.Span,
                        bn.RunningMean.Value.Span, bn.RunningVar.Value.Span, bn.Eps);
                    break;
                case Selu:
                    layers[^1] = layers[^1] with { Selu = true };
                    break;
                case Dropout:
                    break;
                default:
                    throw new NotSupportedException($"ONNX export does not handle a {module.GetType().Name} layer.");
            }
        }
        return layers;
    }
}
