namespace SerAdapt.Evaluation;

/// <summary>
/// Standard normal tail probabilities to about 1e-14 relative accuracy, which .NET lacks (no Math.Erfc):
/// the Maclaurin series of erf for small arguments, Lentz's continued fraction of erfc beyond.
/// </summary>
public static class NormalDistribution
{
    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 2.5) return 1 - ErfSeries(x);
        return ErfcContinuedFraction(x);
    }

    // erf(x) = 2/sqrt(pi) * sum_k (-1)^k x^(2k+1) / (k! (2k+1))
    private static double ErfSeries(double x)
    {
        double x2 = x * x, term = x, sum = x;
        for (int k = 1; k < 200; k++)
        {
            term *= -x2 / k;
            double add = term / (2 * k + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), modified Lentz.
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
