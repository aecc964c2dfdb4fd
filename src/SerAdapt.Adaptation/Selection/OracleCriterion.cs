using SerAdapt.Evaluation;

namespace SerAdapt.Adaptation;

/// <summary>
/// The oracle: the target's CCC, read from the target's LABELS. Not available in unsupervised adaptation;
/// it shows the best choice there was, so the cost of choosing without labels (the regret) can be measured.
/// Every result chosen with it is marked as using target labels.
/// </summary>
public sealed class OracleCriterion : SelectionCriterion
{
    private readonly DomainData _target;
    private readonly int[] _rows;

    public OracleCriterion(DomainData target)
    {
        _target = target;
        _rows = target.LabelledRows();
        if (_rows.Length < 2)
            throw new ArgumentException("Oracle model selection needs target labels (at least 2 rows), and the target has none.");
    }

    public override string Name => "oracle";

    public override string InfoKey => "oracle_target_ccc";

    public override bool UsesTargetLabels => true;

    public override bool HigherIsBetter => true;

    /// <summary>The target CCC over the labelled rows; NaN when a prediction is not finite.</summary>
    public override double Score(ValenceModel model)
    {
        var predicted = model.Predict(_target.Features).Prediction;
        var p = _rows.Select(i => predicted[i]).ToArray();
        if (!p.All(float.IsFinite))
            return double.NaN;
        return RegressionMetrics.Ccc(p, _rows.Select(i => _target.Labels![i]).ToArray());
    }
}
