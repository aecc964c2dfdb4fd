namespace SerAdapt.Data;

/// <summary>A linear regressor y = w·x + b (weights in double).</summary>
public sealed record RidgeModel(double[] Weights, double Bias)
{
    /// <summary>Predictions for the given rows of a row-major N x D array.</summary>
    public float[] Predict(float[] features, IReadOnlyList<int> rows)
    {
        int d = Weights.Length;
        var result = new float[rows.Count];
        for (int k = 0; k < rows.Count; k++)
        {
            var x = features.AsSpan(rows[k] * d, d);
            double s = Bias;
            for (int j = 0; j < d; j++) s += Weights[j] * x[j];
            result[k] = (float)s;
        }
        return result;
    }

    public float[] Predict(Corpus corpus) => Predict(corpus.Features, Enumerable.Range(0, corpus.Count).ToArray());
}
