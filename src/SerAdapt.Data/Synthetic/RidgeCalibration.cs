using SerAdapt.Evaluation;

namespace SerAdapt.Data;

/// <summary>
/// Valence CCC of a plain ridge regressor in both directions of a corpus pair: source-only (fit on
/// all of one corpus, scored on all of the other) and train-on-target (leave-one-session-out on the
/// target, predictions pooled). Each corpus is z-normalised on its own first, as in the paper.
/// </summary>
public static class RidgeCalibration
{
    /// <summary>Penalty lambda = alpha x n on z-normalised features, chosen once for the benchmark (see docs).</summary>
    public const double DefaultAlpha = 0.1;

    public sealed record Figures(
        double SourceOnlyForward, double TrainOnTargetForward, double SourceOnlyBackward, double TrainOnTargetBackward);

    public static Figures Measure(Corpus source, Corpus target, double alpha = DefaultAlpha)
    {
        var s = ZNormStats.Fit(source).Apply(source);
        var t = ZNormStats.Fit(target).Apply(target);
        var rs = new RidgeRegression(s, s.Valence, s.Sessions);
        var rt = new RidgeRegression(t, t.Valence, t.Sessions);
        return new Figures(
            Score(rs.Fit(alpha).Predict(t), t.Valence),
            LeaveOneSessionOut(rt, t, alpha),
            Score(rt.Fit(alpha).Predict(s), s.Valence),
            LeaveOneSessionOut(rs, s, alpha));
    }

    private static double LeaveOneSessionOut(RidgeRegression ridge, Corpus corpus, double alpha)
    {
        var pooled = new float[corpus.Count];
        foreach (var fold in Folds.LeaveOneSessionOut(corpus))
        {
            var p = ridge.Fit(alpha, corpus.Sessions[fold.Test[0]]).Predict(corpus.Features, fold.Test);
            for (int k = 0; k < fold.Test.Length; k++) pooled[fold.Test[k]] = p[k];
        }
        return Score(pooled, corpus.Valence);
    }

    private static double Score(float[] prediction, float[] truth)
    {
        var keep = Enumerable.Range(0, truth.Length).Where(i => float.IsFinite(truth[i])).ToArray();
        return RegressionMetrics.Ccc(keep.Select(i => prediction[i]).ToArray(), keep.Select(i => truth[i]).ToArray());
    }
}
