namespace SerAdapt.Features;

/// <summary>
/// Line spectral pair frequencies (radians, ascending) of an LPC polynomial of even order p: the
/// unit-circle roots of P(z) = A(z) + z^-(p+1) A(1/z) and Q(z) = A(z) - z^-(p+1) A(1/z), searched
/// alternately on their Chebyshev forms in x = cos(w), as in the Speex codec's lpc_to_lsp: steps of
/// 0.2 (1 - 0.9 x^2), halved where |f| &lt; 0.2, then 11 bisections, the root being the last midpoint.
/// openSMILE's LSPs agree with this search to ~1e-6 (its coarse grid, not the exact roots, is what
/// they hold). It runs in float32 with openSMILE's (Speex's float build) mix of float and double
/// steps: in double, a 150 Hz sawtooth's LSPs differ by 5e-5 relative on every other frame.
/// A = 1 (silence) gives about k pi / (p+1) (pitfall P9).
/// </summary>
public static class Lsp
{
    private const float Delta = 0.2f;
    private const int Bisections = 10;

    /// <summary>Highest LPC order supported (the scratch buffers live on the stack).</summary>
    public const int MaxOrder = 64;

    public static void Compute(ReadOnlySpan<float> lpc, Span<float> frequencies)
    {
        int p = lpc.Length;
        if (p > MaxOrder || (p & 1) != 0) throw new ArgumentOutOfRangeException(nameof(lpc), p, $"LPC order must be even and at most {MaxOrder}.");
        int m = p / 2;
        Span<float> pc = stackalloc float[m + 1];
        Span<float> qc = stackalloc float[m + 1];
        pc[0] = 1; qc[0] = 1;
        for (int i = 0; i < m; i++)
        {
            pc[i + 1] = lpc[i] + lpc[p - 1 - i] - pc[i];
            qc[i + 1] = lpc[i] - lpc[p - 1 - i] + qc[i];
        }
        for (int i = 0; i < m; i++) { pc[i] *= 2; qc[i] *= 2; }

        frequencies.Clear();
        float xl = 1.0f, xr = 0.0f;
        for (int j = 0; j < p; j++)
        {
            var c = (j & 1) == 0 ? pc : qc;
            float fl = Cheb(c, xl);
            while (xr >= -1.0f)
            {
                // The step and the midpoint are formed in double and stored as float, as in C
                // with double literals.
                float step = (float)(Delta * (1 - 0.9 * xl * xl));
                if (Math.Abs(fl) < 0.2) step = (float)(step * 0.5);
                xr = xl - step;
                float fr = Cheb(c, xr);
                if (fr * fl < 0)
                {
                    float xm = xl;
                    for (int k = 0; k <= Bisections; k++)
                    {
                        xm = (float)(0.5 * (xl + xr));
                        float fm = Cheb(c, xm);
                        if (!(fm * fl < 0)) { fl = fm; xl = xm; }
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

    // Chebyshev series c[m] + sum_{k<m} c[k] T_(m-k)(x) / 2 by a Clenshaw recurrence (c already
    // doubled), in float except the last line, which C evaluates in double (0.5 is a double).
    private static float Cheb(ReadOnlySpan<float> c, float x)
    {
        int m = c.Length - 1;
        float b0 = 0, b1 = 0;
        x *= 2;
        for (int k = m; k > 0; k--)
        {
            float tmp = b0;
            b0 = x * b0 - b1 + c[m - k];
            b1 = tmp;
        }
        return (float)(-b1 + 0.5 * x * b0 + c[m]);
    }
}
