using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>A trained valence regressor: encoder E and one or more regression heads.</summary>
public sealed class ValenceModel
{
    public string Method { get; } = "";

    /// <summary>Applied to raw inputs by <see cref="PredictRaw"/> (the caller sets it: the target corpus statistics).</summary>
    public FeatureNormalisation? Normalisation { get; set; }

    /// <summary>Options, seed, feature names, tool version, oracle flag...</summary>
    public IReadOnlyDictionary<string, string> Info { get; } = new Dictionary<string, string>();

    public ModelPrediction Predict(Matrix normalisedFeatures) => throw new NotImplementedException();

    public ModelPrediction PredictRaw(Matrix rawFeatures) => throw new NotImplementedException();

    public Matrix Encode(Matrix normalisedFeatures) => throw new NotImplementedException();

    public void Save(string directory) => throw new NotImplementedException();

    public static ValenceModel Load(string directory) => throw new NotImplementedException();

    public void ExportOnnx(string path) => throw new NotImplementedException();
}
