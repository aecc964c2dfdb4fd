namespace SerAdapt.Experiments;

/// <summary>What the demo wrote: the report folder, its experiment configuration, results and t-SNE study.</summary>
public sealed record DemoResult(string Directory, ExperimentConfig Config, ExperimentSummary Summary, TsneStudyResult Tsne, TimeSpan Elapsed);
