using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Importance-weighted cross validation (IWCV; Sugiyama, Krauledat, Müller, "Covariate shift adaptation
/// by importance weighted cross validation", JMLR 8, 2007): the held-out source squared error weighted by
/// w(x) = p_t(x) / p_s(x),
/// <code>R_IWCV = (1/n) sum_i w(x_i) (f(x_i) - y_i)^2</code>
/// an unbiased estimate of the target risk under covariate shift (p(y|x) shared, p_t absolutely continuous
/// w.r.t. p_s). w comes from a <see cref="DomainClassifier"/> fitted once on the INPUT features of the
/// held-out source rows against the target's (which do not change during training).
/// </summary>
public sealed class ImportanceWeightedValidation : SelectionCriterion
{
    private readonly DomainData _validation;

    public ImportanceWeightedValidation(DomainData validation, Matrix targetFeatures, Rng rng)
    {
        _validation = Labelled(validation);
        Weights = DomainClassifier.Fit(validation.Features, targetFeatures, rng).Weights(validation.Features);
    }

    public override string Name => "iwcv";

    public override string InfoKey => "iwcv_weighted_mse";

    /// <summary>The importance weight of each held-out source row (mean 1 before the clip).</summary>
    public IReadOnlyList<double> Weights { get; }

    public override double Score(ValenceModel model) => WeightedMean(SquaredErrors(model, _validation), Weights);

    /// <summary>(1/n) sum_i w_i l_i; with every w_i = 1 it is the plain mean, i.e. source validation.</summary>
    public static double WeightedMean(IReadOnlyList<double> losses, IReadOnlyList<double> weights)
    {
        if (losses.Count != weights.Count || losses.Count == 0)
            throw new ArgumentException($"IWCV needs one weight per loss (got {losses.Count} losses, {weights.Count} weights), and at least one.");
        double sum = 0;
        for (int i = 0; i < losses.Count; i++) sum += weights[i] * losses[i];
        return sum / losses.Count;
    }
}
