namespace SerAdapt.Features;

/// <summary>
/// Line spectral pair frequencies (radians, ascending) of an LPC polynomial of even order p: the
/// unit-circle roots of P(z) = A(z) + z^-(p+1) A(1/z) and Q(z) = A(z) - z^-(p+1) A(1/z), searched
/// alternately on their Chebyshev forms in x = cos(w), as in the Speex codec's lpc_to_lsp: steps of
/// 0.2 (1 - 0.9 x^2), halved where |f| &lt; 0.2, then 11 bisections, the root being the last midpoint.
/// openSMILE's LSPs agree with this search to ~1e-6 (its coarse grid, not the exact roots, is what
/// they hold). A = 1 (silence) gives about k pi / (p+1) (pitfall P9).
/// </summary>
public static class Lsp
{
    private const double Delta = 0.2;
    private const int Bisections = 10;

    public static void Compute(ReadOnlySpan<double> lpc, Span<float> frequencies)
    {
        int p = lpc.Length;
        int m = p / 2;
        Span<double> pc = stackalloc double[m + 1];
        Span<double> qc = stackalloc double[m + 1];
        pc[0] = 1; qc[0] = 1;
        for (int i = 0; i < m; i++)
        {
            pc[i + 1] = lpc[i] + lpc[p - 1 - i] - pc[i];
            qc[i + 1] = lpc[i] - lpc[p - 1 - i] + qc[i];
        }
        for (int i = 0; i < m; i++) { pc[i] *= 2; qc[i] *= 2; }

        frequencies.Clear();
        double xl = 1.0, xr = 0.0;
        for (int j = 0; j < p; j++)
        {
            var c = (j & 1) == 0 ? pc : qc;
            double fl = Cheb(c, xl);
            while (xr >= -1.0)
            {
                double step = Delta * (1 - 0.9 * xl * xl);
                if (Math.Abs(fl) < 0.2) step *= 0.5;
                xr = xl - step;
                double fr = Cheb(c, xr);
                if (fr * fl < 0)
                {
                    double xm = xl;
                    for (int k = 0; k <= Bisections; k++)
                    {
                        xm = 0.5 * (xl + xr);
                        double fm = Cheb(c, xm);
                        if (fm * fl > 0) { fl = fm; xl = xm; }
                        else xr = xm;
                    }
                    frequencies[j] = (float)Math.Acos(xm);
                    xl = xm;
                    break;
                }
                fl = fr;
                xl = xr;
            }
        }
    }

    // Chebyshev series c[m] + sum_{k<m} c[k] T_(m-k)(x) / 2 by a Clenshaw recurrence (c already doubled).
    private static double Cheb(ReadOnlySpan<double> c, double x)
    {
        int m = c.Length - 1;
        double b0 = 0, b1 = 0;
        x *= 2;
        for (int k = m; k > 0; k--)
        {
            double tmp = b0;
            b0 = x * b0 - b1 + c[m - k];
            b1 = tmp;
        }
        return -b1 + 0.5 * x * b0 + c[m];
    }
}
