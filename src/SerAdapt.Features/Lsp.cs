namespace SerAdapt.Features;

/// <summary>
/// Line spectral pair frequencies (radians, ascending) of an LPC polynomial of even order p: the
/// unit-circle roots of P(z) = A(z) + z^-(p+1) A(1/z) and Q(z) = A(z) - z^-(p+1) A(1/z), found on
/// the Chebyshev form in x = cos(w) by a grid scan and bisection. A = 1 (silence) gives k pi/(p+1).
/// </summary>
public static class Lsp
{
    private const double GridStep = 0.01;
    private const int Bisections = 24;

    public static void Compute(ReadOnlySpan<double> lpc, Span<float> frequencies)
    {
        int p = lpc.Length;
        int m = p / 2;
        Span<double> a = stackalloc double[p + 2];
        a.Clear();
        a[0] = 1;
        for (int i = 0; i < p; i++) a[i + 1] = lpc[i];
        // P/(1 + z^-1) and Q/(1 - z^-1): symmetric polynomials of degree p.
        Span<double> pp = stackalloc double[p + 1];
        Span<double> qq = stackalloc double[p + 1];
        pp[0] = 1; qq[0] = 1;
        for (int i = 1; i <= p; i++)
        {
            double pi = a[i] + a[p + 1 - i];
            double qi = a[i] - a[p + 1 - i];
            pp[i] = pi - pp[i - 1];
            qq[i] = qi + qq[i - 1];
        }
        // f(w) = c0 + sum_k 2 c_k cos(k w) with c_k the coefficient m-k.
        Span<double> cp = stackalloc double[m + 1];
        Span<double> cq = stackalloc double[m + 1];
        cp[0] = pp[m]; cq[0] = qq[m];
        for (int k = 1; k <= m; k++) { cp[k] = 2 * pp[m - k]; cq[k] = 2 * qq[m - k]; }

        int found = 0;
        double xl = 1.0;
        bool useP = true;
        double fl = Cheb(cp, xl);
        while (found < p && xl > -1.0)
        {
            var c = useP ? cp : cq;
            double xr = Math.Max(xl - GridStep, -1.0);
            double fr = Cheb(c, xr);
            if (fl * fr <= 0)
            {
                double lo = xl, hi = xr, flo = fl;
                for (int it = 0; it < Bisections; it++)
                {
                    double xm = 0.5 * (lo + hi), fm = Cheb(c, xm);
                    if (fm * flo > 0) { lo = xm; flo = fm; } else hi = xm;
                }
                double root = 0.5 * (lo + hi);
                frequencies[found++] = (float)Math.Acos(root);
                useP = !useP;
                xl = root;
                fl = Cheb(useP ? cp : cq, xl);
            }
            else
            {
                xl = xr;
                fl = fr;
            }
        }
        for (int i = found; i < p; i++) frequencies[i] = 0f;
    }

    // sum_k c_k T_k(x) by the Clenshaw recurrence.
    private static double Cheb(ReadOnlySpan<double> c, double x)
    {
        double b1 = 0, b2 = 0;
        for (int k = c.Length - 1; k >= 1; k--)
        {
            double b0 = 2 * x * b1 - b2 + c[k];
            b2 = b1; b1 = b0;
        }
        return x * b1 - b2 + c[0];
    }
}
