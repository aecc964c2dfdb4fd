using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Deep Embedded Validation (DEV; You, Wang, Long, Jordan, "Towards accurate model selection in deep
/// unsupervised domain adaptation", ICML 2019): importance-weighted validation where the density ratio is
/// estimated on the model's OWN encoder features E(x) (refitted for every model scored, since E changes),
/// with a control variate that removes the variance the weights add. With L_i = w_i l_i:
/// <code>eta = -Cov(L, w) / Var(w);   R_DEV = mean(L) + eta mean(w) - eta</code>
/// (sample covariance and variance; E[w] = 1 under the source, so the term eta (mean(w) - 1) has mean zero).
/// The weights are the classifier's density ratio (<see cref="DomainClassifier.DensityRatio"/>, the odds times
/// n_s/n_t), not IWCV's self-normalised ones: normalised to mean 1 the control-variate term would vanish.
/// Assumes covariate shift in the feature space: p(y | E(x)) shared by the domains.
/// </summary>
public sealed class DeepEmbeddedValidation : SelectionCriterion
{
    private readonly DomainData _validation;
    private readonly Matrix _target;
    private readonly Rng _rng;

    public DeepEmbeddedValidation(DomainData validation, Matrix targetFeatures, Rng rng)
    {
        _validation = Labelled(validation);
        if (targetFeatures.Rows < 1)
            throw new ArgumentException("DEV needs target rows (features only).");
        // A seeded subsample of the target, drawn once: only these are encoded at every score.
        _target = targetFeatures.Rows <= DomainClassifier.MaxRowsPerDomain ? targetFeatures
            : new DomainData(targetFeatures).Subset(rng.Child("target-rows").Permutation(targetFeatures.Rows)
                .Take(DomainClassifier.MaxRowsPerDomain).Order().ToArray()).Features;
        _rng = rng;
    }

    public override string Name => "dev";

    public override string InfoKey => "dev_risk";

    public override double Score(ValenceModel model)
    {
        var errors = SquaredErrors(model, _validation);
        if (!errors.All(double.IsFinite))
            return double.NaN;
        var source = model.Encode(_validation.Features);
        var weights = DomainClassifier.Fit(source, model.Encode(_target), _rng).DensityRatio(source);
        return Risk(errors, weights);
    }

    /// <summary>R_DEV of per-row losses <paramref name="losses"/> with weights <paramref name="weights"/>.</summary>
    public static double Risk(IReadOnlyList<double> losses, IReadOnlyList<double> weights)
    {
        int n = losses.Count;
        if (weights.Count != n || n < 2)
            throw new ArgumentException($"DEV needs one weight per loss (got {n} losses, {weights.Count} weights), and at least two.");
        var weighted = new double[n];
        for (int i = 0; i < n; i++) weighted[i] = weights[i] * losses[i];
        double meanL = weighted.Average(), meanW = weights.Average();
        double cov = 0, var = 0;
        for (int i = 0; i < n; i++)
        {
            cov += (weighted[i] - meanL) * (weights[i] - meanW);
            var += (weights[i] - meanW) * (weights[i] - meanW);
        }
        cov /= n - 1;
        var /= n - 1;
        double eta = var > 0 ? -cov / var : 0; // all weights equal: no variance to remove
        return meanL + eta * meanW - eta;
    }
}
