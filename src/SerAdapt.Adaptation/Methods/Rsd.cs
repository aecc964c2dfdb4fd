using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Representation Subspace Distance (Chen, Wang, Long, "Representation Subspace Distance for Domain
/// Adaptation Regression", ICML 2021): encoder E and regressor R minimise
///     MSE(R(E(x_s)), y_s) + lambda (sum_i sin theta_i + beta ||abs(P_s) - abs(P_t)||_F),
/// where theta_i are the principal angles between the subspaces spanned by the source and the target
/// batch's encodings (from the SVD of U_s^T U_t = P_s cos(Theta) P_t^T, U the orthonormal bases from the
/// SVD of each batch's features) and the second term is the bases-mismatch penalty (<see cref="RsdLoss"/>).
/// The subspaces are n-dimensional in R^d (n = batch size, d = encoder width): the distance is only
/// informative when d &gt;= 2n (otherwise 2n - d angles are 0 whatever the features); the paper's
/// ResNet features are 2048 wide for batches of 36. Source and target batches must have equal size.
/// Source and target go through E in separate forward passes; one Adam updates E and R.
/// </summary>
public sealed class Rsd(RsdOptions options) : AdaptationMethod<RsdOptions>(options)
{
    public Rsd() : this(new RsdOptions()) { }

    public override string Name => "rsd";

    protected override IReadOnlyList<HeadShape> Heads => [new HeadShape("regressor", Options.RegressorLayers)];

    /// <summary>
    /// Fails before training, naming <c>batch-size</c>, when a target batch would be smaller than the source's
    /// (a target with fewer rows than the batch); conservative when source-val holds out part of the source.
    /// </summary>
    public override FitResult Fit(DomainData source, DomainData target, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (target.Count < Math.Min(options.BatchSize, source.Count))
            throw new InvalidSettingException("batch-size",
                $"must be at most the target's {target.Count} rows for RSD, which compares equal-sized source and target batches, got {options.BatchSize}.");
        return base.Fit(source, target, options, progress, cancellationToken);
    }

    protected override BatchStep CreateStep(TrainingSetup setup) =>
        AlignmentStep.Create(setup, new RsdLoss(Options.BasesWeight), Options.Lambda, "rsd");
}
