namespace SerAdapt.Evaluation;

/// <summary>
/// Agreement of predictions with labels: Pearson's r, Lin's concordance correlation coefficient
/// (1989, population variances), RMSE and MAE. Sums run in double precision.
/// </summary>
public static class RegressionMetrics
{
    public static double Pearson(ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth)
    {
        var m = Moments.Of(prediction, truth);
        return m.Sxx == 0 || m.Syy == 0 ? 0 : m.Sxy / Math.Sqrt(m.Sxx * m.Syy);
    }

    /// <summary>CCC = 2 s_xy / (s_x^2 + s_y^2 + (mu_x - mu_y)^2).</summary>
    public static double Ccc(ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth)
    {
        var m = Moments.Of(prediction, truth);
        double n = prediction.Length;
        double denominator = m.Sxx / n + m.Syy / n + (m.MeanX - m.MeanY) * (m.MeanX - m.MeanY);
        return denominator == 0 ? 0 : 2 * m.Sxy / n / denominator;
    }

    public static double Rmse(ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth)
    {
        CheckLengths(prediction, truth);
        double sum = 0;
        for (int i = 0; i < prediction.Length; i++)
        {
            double e = prediction[i] - (double)truth[i];
            sum += e * e;
        }
        return Math.Sqrt(sum / prediction.Length);
    }

    public static double Mae(ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth)
    {
        CheckLengths(prediction, truth);
        double sum = 0;
        for (int i = 0; i < prediction.Length; i++)
            sum += Math.Abs(prediction[i] - (double)truth[i]);
        return sum / prediction.Length;
    }

    private static void CheckLengths(ReadOnlySpan<float> prediction, ReadOnlySpan<float> truth)
    {
        if (prediction.Length != truth.Length)
            throw new ArgumentException($"{prediction.Length} predictions but {truth.Length} labels.");
        if (prediction.Length == 0)
            throw new ArgumentException("No predictions to score.");
    }

    private readonly record struct Moments(double MeanX, double MeanY, double Sxx, double Syy, double Sxy)
    {
        public static Moments Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
        {
            CheckLengths(x, y);
            double mx = 0, my = 0;
            for (int i = 0; i < x.Length; i++) { mx += x[i]; my += y[i]; }
            mx /= x.Length;
            my /= y.Length;
            double sxx = 0, syy = 0, sxy = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double dx = x[i] - mx, dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
            return new Moments(mx, my, sxx, syy, sxy);
        }
    }
}
