using SerAdapt.Engine;

namespace SerAdapt.Adaptation.Tests;

public class SelectionCriteriaTests
{
    [Fact]
    public void DomainClassifier_TwoGaussians_WeightsWithinTenPercentOfTheTrueRatio()
    {
        // p_s = N(0, I), p_t = N(mu, I): p_t(x) / p_s(x) = exp(mu . x - |mu|^2 / 2), exactly log-linear.
        double[] mu = [0.5, -0.3];
        var rng = new Rng(11);
        var source = Gaussian(rng, 2000, [0, 0]);
        var target = Gaussian(rng, 2000, mu);

        var weights = DomainClassifier.Fit(source, target, new Rng(3)).Weights(source);

        double muSquared = mu.Sum(m => m * m), relativeError = 0;
        for (int i = 0; i < source.Rows; i++)
        {
            double truth = Math.Exp(mu[0] * source[i, 0] + mu[1] * source[i, 1] - muSquared / 2);
            relativeError += Math.Abs(weights[i] - truth) / truth;
        }
        relativeError /= source.Rows;
        Assert.True(relativeError < 0.10, $"mean relative error of the weights {relativeError:P1}");
        Assert.InRange(weights.Average(), 0.99, 1.0 + 1e-12); // mean 1, lowered only by the clip
    }

    // DEV's weights: the odds corrected by the class prior, not normalised. With twice as many source rows as target
    // rows the raw odds are half the ratio; the prior puts them right, and their source mean is near 1 but not 1.
    [Fact]
    public void DomainClassifier_TwoGaussiansOfUnequalSizes_DensityRatioWithinTenPercentAndNotNormalised()
    {
        double[] mu = [0.5, -0.3];
        var rng = new Rng(12);
        var source = Gaussian(rng, 2000, [0, 0]);
        var target = Gaussian(rng, 1000, mu);

        var ratio = DomainClassifier.Fit(source, target, new Rng(5)).DensityRatio(source);

        double muSquared = mu.Sum(m => m * m), relativeError = 0;
        for (int i = 0; i < source.Rows; i++)
        {
            double truth = Math.Exp(mu[0] * source[i, 0] + mu[1] * source[i, 1] - muSquared / 2);
            relativeError += Math.Abs(ratio[i] - truth) / truth;
        }
        relativeError /= source.Rows;
        Assert.True(relativeError < 0.10, $"mean relative error of the density ratio {relativeError:P1}");
        Assert.InRange(ratio.Average(), 0.9, 1.1);
        Assert.NotEqual(1.0, ratio.Average(), 6);
    }

    [Fact]
    public void DomainClassifier_FarApartDomains_WeightsClippedAtTen()
    {
        var rng = new Rng(4);
        var weights = DomainClassifier.Fit(Gaussian(rng, 500, [0, 0]), Gaussian(rng, 500, [3, 0]), new Rng(1))
            .Weights(Gaussian(rng, 500, [0, 0]));

        Assert.Equal(DomainClassifier.WeightClip, weights.Max());
    }

    [Fact]
    public void DevRisk_ControlVariate_MatchesHandComputation()
    {
        // l = (1, 2, 3, 4), w = (0.5, 1, 2, 1.5): L = w l = (0.5, 2, 6, 6), mean L = 3.625, mean w = 1.25;
        // Cov(L, w) = 5.125 / 3, Var(w) = 1.25 / 3, eta = -4.1; R = 3.625 - 4.1 * 1.25 + 4.1 = 2.6.
        double risk = DeepEmbeddedValidation.Risk([1, 2, 3, 4], [0.5, 1, 2, 1.5]);

        Assert.Equal(2.6, risk, 12);
    }

    [Fact]
    public void DevRisk_EqualWeights_IsTheWeightedMean()
    {
        Assert.Equal(2.5, DeepEmbeddedValidation.Risk([1, 2, 3, 4], [1, 1, 1, 1]), 12);
    }

    [Fact]
    public void Iwcv_UnitWeights_EqualsSourceValidationExactly()
    {
        var (validation, _, model) = TrainedModel();
        var errors = model.Predict(validation.Features).Prediction.Select((p, i) => (double)(p - validation.Labels![i]) * (p - validation.Labels![i])).ToArray();

        double sourceVal = new SourceValidationCriterion(validation).Score(model);

        Assert.Equal(sourceVal, ImportanceWeightedValidation.WeightedMean(errors, Enumerable.Repeat(1.0, errors.Length).ToArray()));
        // A target with the validation rows' own features cannot be told apart: every weight is 1.
        var same = new ImportanceWeightedValidation(validation, validation.Features, new Rng(2));
        Assert.All(same.Weights, w => Assert.Equal(1.0, w));
        Assert.Equal(sourceVal, same.Score(model));
    }

    [Theory]
    [InlineData(ModelSelection.SourceValidation)]
    [InlineData(ModelSelection.ImportanceWeighted)]
    [InlineData(ModelSelection.DeepEmbedded)]
    public void LabelFreeCriterion_TargetLabelsRemoved_ScoresAsWithThem(ModelSelection selection)
    {
        var (validation, target, model) = TrainedModel();
        var unlabelled = new DomainData(target.Features);

        var withLabels = SelectionCriterion.For(selection, validation, target, new Rng(8))!;
        var without = SelectionCriterion.For(selection, validation, unlabelled, new Rng(8))!;

        Assert.False(without.UsesTargetLabels);
        double score = without.Score(model);
        Assert.True(double.IsFinite(score));
        Assert.Equal(withLabels.Score(model), score);
    }

    [Fact]
    public void Oracle_TargetLabelsRemoved_FailsSayingItNeedsThem()
    {
        var (validation, target, _) = TrainedModel();

        var ex = Assert.Throws<ArgumentException>(() =>
            SelectionCriterion.For(ModelSelection.Oracle, validation, new DomainData(target.Features), new Rng(8)));

        Assert.Contains("needs target labels", ex.Message);
        Assert.True(SelectionCriterion.For(ModelSelection.Oracle, validation, target, new Rng(8))!.UsesTargetLabels);
    }

    [Fact]
    public void Iwcv_ShiftedTarget_WeightsTheSourceRowsNearTheTargetMore()
    {
        // Validation rows along x0; the target lies at x0 > 0: rows there must weigh more than rows at x0 < 0.
        var rng = new Rng(6);
        var x = Gaussian(rng, 400, [0, 0]);
        var validation = new DomainData(x, Enumerable.Repeat(3f, 400).ToArray());
        var criterion = new ImportanceWeightedValidation(validation, Gaussian(rng, 400, [1, 0]), new Rng(1));

        double high = 0, low = 0;
        for (int i = 0; i < 400; i++)
            if (x[i, 0] > 0.5) high += criterion.Weights[i];
            else if (x[i, 0] < -0.5) low += criterion.Weights[i];
        Assert.True(high > 3 * low, $"weights above x0 = 0.5: {high:F1}, below -0.5: {low:F1}");
    }

    private static (DomainData Validation, DomainData Target, ValenceModel Model) TrainedModel()
    {
        var (source, target) = SyntheticPair.Create(sourceRows: 160, targetRows: 120);
        var model = new SourceOnly().Fit(source, target, SyntheticPair.SmallOptions(2)).Model;
        return (source.Subset(Enumerable.Range(0, 40).ToArray()), target, model);
    }

    private static Matrix Gaussian(Rng rng, int rows, double[] mean)
    {
        var m = new Matrix(rows, mean.Length);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < mean.Length; c++)
                m[r, c] = (float)(mean[c] + rng.NextNormal());
        return m;
    }
}
