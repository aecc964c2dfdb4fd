using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// DARE-GRAM (Nejjar, Wang, Fink, "DARE-GRAM: Unsupervised Domain Adaptation Regression by Aligning
/// Inverse Gram Matrices", WACV 2024): encoder E and regressor R minimise
///     MSE(R(E(x_s)), y_s) + alpha ||1 - cos(G_s^+, G_t^+)||_1 / (d + 1) + gamma ||lambda_s[:k] - lambda_t[:k]||_2 / k,
/// where G^+ is the rank-k pseudo-inverse of the Gram matrix of a batch's encodings with a column of ones
/// (the regressor's bias) appended, cos is taken column by column (angle alignment), lambda are the Gram
/// eigenvalues (scale alignment), and k the fewest eigenvalues explaining a share T of the variance (the
/// larger of the two domains'); see <see cref="DareGramLoss"/> for where the authors' code differs. Source
/// and target go through E in separate forward passes; one Adam updates E and R.
/// </summary>
public sealed class DareGram(DareGramOptions options) : AdaptationMethod<DareGramOptions>(options)
{
    public DareGram() : this(new DareGramOptions()) { }

    public override string Name => "daregram";

    protected override IReadOnlyList<HeadShape> Heads => [new HeadShape("regressor", Options.RegressorLayers)];

    protected override BatchStep CreateStep(TrainingSetup setup) =>
        AlignmentStep.Create(setup, new DareGramLoss(Options.AngleWeight, Options.ScaleWeight, Options.Threshold), 1f, "daregram");
}
