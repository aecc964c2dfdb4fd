namespace SerAdapt.Adaptation;

/// <summary>
/// Source validation: the mean squared error on held-out SOURCE rows. Measures the source domain,
/// not the target, so it is blind to the shift it should judge; the baseline the others are compared with.
/// </summary>
public sealed class SourceValidationCriterion(DomainData validation) : SelectionCriterion
{
    private readonly DomainData _validation = Labelled(validation);

    public override string Name => "source-val";

    public override string InfoKey => "source_validation_mse";

    public override double Score(ValenceModel model) => SquaredErrors(model, _validation).Average();
}
