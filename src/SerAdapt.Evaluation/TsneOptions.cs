namespace SerAdapt.Evaluation;

/// <summary>
/// Settings of <see cref="Tsne"/>; the defaults are those of van der Maaten's reference implementation
/// and scikit-learn: perplexity 30, 1000 iterations, early exaggeration 12 for the first 250 with
/// momentum 0.5 then 0.8, learning rate "auto" = max(n / exaggeration / 4, 50) when null,
/// Barnes-Hut angle 0.5, PCA to 50 dimensions first when the input has more.
/// <see cref="TsneMethod.Auto"/> runs exact t-SNE below <paramref name="ExactBelow"/> points and Barnes-Hut from there.
/// <paramref name="MaxDegreeOfParallelism"/> changes speed only, never the result.
/// </summary>
public sealed record TsneOptions(
    double Perplexity = 30,
    int Iterations = 1000,
    TsneMethod Method = TsneMethod.Auto,
    int ExactBelow = 2000,
    double Theta = 0.5,
    double? LearningRate = null,
    double EarlyExaggeration = 12,
    int ExaggerationIterations = 250,
    double InitialMomentum = 0.5,
    double FinalMomentum = 0.8,
    int PcaComponents = 50,
    int MaxDegreeOfParallelism = 1);
