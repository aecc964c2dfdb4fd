using SerAdapt.Adaptation;
using SerAdapt.Data;

namespace SerAdapt.Experiments;

/// <summary>
/// The demo's reduced configuration: a synthetic pair at <paramref name="Scale"/> of the real corpora's
/// sizes with <paramref name="Dimension"/> features, and an experiment whose settings come from
/// <see cref="Experiment"/> (fewer repeats and epochs and a narrower network than the paper's).
/// </summary>
public sealed record DemoOptions(double Scale, int Dimension, int Seed, ExperimentConfig Experiment, TsneStudyOptions Tsne)
{
    /// <summary>Sized to finish in a few minutes on 2 cores (docs/reproducing-the-paper.md has the measurement).</summary>
    public static DemoOptions Default { get; } = new(
        Scale: 0.25,
        Dimension: 400,
        Seed: 0,
        Experiment: new ExperimentConfig
        {
            Repeats = 3,
            Training = new TrainingOptions { Epochs = 30, Width = 256, Dropout = 0.1f, Patience = 5, LearningRate = 5e-4f },
            MethodSettings = new Dictionary<string, object> { ["dann-discriminator-width"] = 256 },
        },
        Tsne: new TsneStudyOptions(MaxTargetPoints: 400, Tsne: new SerAdapt.Evaluation.TsneOptions(Iterations: 750)));

    /// <summary>Throws <see cref="InvalidSettingException"/> naming the first bad option (the corpora are the demo's own).</summary>
    public void Validate()
    {
        if (!(Scale > 0) || !double.IsFinite(Scale))
            throw new InvalidSettingException("scale", $"must be a positive number, got {Scale}.");
        (Experiment with { CorpusA = "a", CorpusB = "b" }).Validate();
    }

    public SyntheticBenchmarkOptions Benchmark => SyntheticBenchmarkOptions.Scaled(Scale, Seed) with { Dimension = Dimension };
}
