using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// One training step's data: a labelled source batch x_s (N, D), y_s (N, 1) and, for methods that
/// use the target, a target batch x_t (M, D) drawn alongside.
/// </summary>
public sealed record Batch(Matrix SourceX, Matrix SourceY, Matrix? TargetX)
{
    /// <summary>x_t; only methods that declare they use the target get one.</summary>
    public Matrix Target => TargetX ?? throw new InvalidOperationException("This method was set up without target batches.");
}
