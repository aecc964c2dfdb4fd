using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// A score of a trained model by which an epoch (or a hyperparameter setting) is chosen. Every criterion
/// except <see cref="OracleCriterion"/> is given the target's features only, never its labels.
/// </summary>
public abstract class SelectionCriterion
{
    /// <summary>The criterion's setting word ("source-val", "iwcv", "dev", "oracle").</summary>
    public abstract string Name { get; }

    /// <summary>The model.json key under which the kept epoch's score is recorded.</summary>
    public abstract string InfoKey { get; }

    /// <summary>True only for the oracle: the score reads the target's labels.</summary>
    public virtual bool UsesTargetLabels => false;

    /// <summary>False for risks (lower is better), true for the oracle's CCC.</summary>
    public virtual bool HigherIsBetter => false;

    /// <summary>The score of <paramref name="model"/> (in evaluation mode).</summary>
    public abstract double Score(ValenceModel model);

    /// <summary>Whether <paramref name="score"/> is better than <paramref name="best"/>.</summary>
    public bool Improves(double score, double best) => HigherIsBetter ? score > best : score < best;

    /// <summary>
    /// The criterion of <paramref name="selection"/> (none for fixed epochs). <paramref name="validation"/> is the
    /// held-out labelled source; the label-free criteria get <paramref name="target"/>'s features only.
    /// </summary>
    public static SelectionCriterion? For(ModelSelection selection, DomainData validation, DomainData target, Rng rng) => selection switch
    {
        ModelSelection.FixedEpochs => null,
        ModelSelection.SourceValidation => new SourceValidationCriterion(validation),
        ModelSelection.ImportanceWeighted => new ImportanceWeightedValidation(validation, target.Features, rng.Child("iwcv")),
        ModelSelection.DeepEmbedded => new DeepEmbeddedValidation(validation, target.Features, rng.Child("dev")),
        ModelSelection.Oracle => new OracleCriterion(target),
        _ => throw new ArgumentOutOfRangeException(nameof(selection), selection, null),
    };

    /// <summary>The criteria that need no target label: source-val, iwcv and dev, in that order.</summary>
    public static IReadOnlyList<SelectionCriterion> LabelFree(DomainData validation, Matrix targetFeatures, Rng rng) =>
    [
        new SourceValidationCriterion(validation),
        new ImportanceWeightedValidation(validation, targetFeatures, rng.Child("iwcv")),
        new DeepEmbeddedValidation(validation, targetFeatures, rng.Child("dev")),
    ];

    /// <summary>(f(x_i) - y_i)^2 of every row of <paramref name="validation"/>; NaN predictions stay NaN.</summary>
    protected static double[] SquaredErrors(ValenceModel model, DomainData validation)
    {
        var predicted = model.Predict(validation.Features).Prediction;
        var labels = validation.Labels!;
        var errors = new double[labels.Length];
        for (int i = 0; i < errors.Length; i++)
        {
            double d = predicted[i] - labels[i];
            errors[i] = d * d;
        }
        return errors;
    }

    /// <summary>Checks that <paramref name="validation"/> has a finite label on every row.</summary>
    protected static DomainData Labelled(DomainData validation)
    {
        if (validation.Count == 0 || !validation.HasCompleteLabels)
            throw new ArgumentException("Model selection needs held-out source rows, each with a label.");
        return validation;
    }
}
