using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>
/// Settings of the paper's Experiment 2 (Figure 2). <paramref name="SplitAt"/> null splits valence at
/// each corpus's median, a value (e.g. 3, the scale's midpoint) splits both corpora there.
/// Each panel embeds the chosen target session (at most <paramref name="MaxTargetPoints"/> utterances,
/// drawn at random) with as many random source utterances; <paramref name="Sessions"/> 2 is the
/// paper's pair (largest and smallest Source-only error), more adds the sessions between them.
/// </summary>
public sealed record TsneStudyOptions(
    double? SplitAt = null,
    int MaxTargetPoints = 1000,
    int Sessions = 2,
    int Seed = 0,
    TsneOptions? Tsne = null,
    int Neighbours = 10);
