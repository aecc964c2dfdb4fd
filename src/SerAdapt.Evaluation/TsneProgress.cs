namespace SerAdapt.Evaluation;

/// <summary>Reported by <see cref="Tsne.Embed(SerAdapt.Engine.Matrix, TsneOptions, int, Action{TsneProgress}?, CancellationToken)"/> every 25 iterations and at the end.</summary>
public readonly record struct TsneProgress(int Iteration, int Iterations, TsneMethod Method);
