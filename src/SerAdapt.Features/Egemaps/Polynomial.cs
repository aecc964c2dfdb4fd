using System.Numerics;

namespace SerAdapt.Features.Egemaps;

/// <summary>Complex roots of a real polynomial (Aberth-Ehrlich simultaneous iteration, then Newton polishing).</summary>
public static class Polynomial
{
    private const int MaxIterations = 200;

    /// <param name="c">Coefficients, highest power first (c[0] z^n + ... + c[n]), c[0] != 0.</param>
    /// <param name="roots">The n roots.</param>
    public static void Roots(ReadOnlySpan<double> c, Span<Complex> roots)
    {
        int n = c.Length - 1;
        // Start on a circle of the Cauchy-type radius, off the real axis and off symmetry.
        double radius = 0;
        for (int k = 1; k <= n; k++) radius = Math.Max(radius, Math.Pow(Math.Abs(c[k] / c[0]), 1.0 / k));
        if (radius == 0)
        {
            roots[..n].Clear();
            return;
        }
        for (int k = 0; k < n; k++) roots[k] = Complex.FromPolarCoordinates(radius, 2 * Math.PI * k / n + 0.4);
        for (int iter = 0; iter < MaxIterations; iter++)
        {
            double moved = 0;
            for (int k = 0; k < n; k++)
            {
                var z = roots[k];
                var (p, dp) = Evaluate(c, z);
                if (p == Complex.Zero) continue;
                var ratio = p / dp;
                var sum = Complex.Zero;
                for (int j = 0; j < n; j++) if (j != k) sum += 1 / (z - roots[j]);
                var step = ratio / (1 - ratio * sum);
                roots[k] = z - step;
                moved = Math.Max(moved, step.Magnitude / Math.Max(z.Magnitude, 1e-300));
            }
            if (moved < 1e-12) break;
        }
        for (int k = 0; k < n; k++)
            for (int i = 0; i < 2; i++)
            {
                var (p, dp) = Evaluate(c, roots[k]);
                if (dp != Complex.Zero) roots[k] -= p / dp;
            }
    }

    private static (Complex P, Complex Dp) Evaluate(ReadOnlySpan<double> c, Complex z)
    {
        Complex p = c[0], dp = Complex.Zero;
        for (int k = 1; k < c.Length; k++)
        {
            dp = dp * z + p;
            p = p * z + c[k];
        }
        return (p, dp);
    }
}
