namespace SerAdapt.Features;

/// <summary>
/// Line spectral pair frequencies (radians, ascending) of an LPC polynomial of even order p: the
/// unit-circle roots of P(z) = A(z) + z^-(p+1) A(1/z) and Q(z) = A(z) - z^-(p+1) A(1/z), searched
/// alternately on their Chebyshev forms in x = cos(w), as in the Speex codec's lpc_to_lsp: steps of
/// 0.2 (1 - 0.9 x^2), halved where |f| &lt; 0.2, then 11 bisections, the root being the last midpoint;
/// if fewer than p roots turn up, the whole search again with steps of 0.05 (1 - 0.9 x^2).
/// openSMILE's LSPs are this search's (its coarse grid, not the exact roots, is what they hold), run
/// entirely in float32 (float constants, every step, midpoint and Chebyshev sum rounded to float)
/// and converted by the C library's acosf: given openSMILE's LPCs this reproduces its LSP debug
/// level to the last printed digit on every frame of the 3 debug files (with the step, the midpoint
/// or the Chebyshev sum's last line in double as in Speex's float build, 55-64 % of the speech
/// frames; in double throughout, a 150 Hz sawtooth's LSPs differ by 5e-5 on every other frame).
/// A = 1 (silence) gives about k pi / (p+1) (pitfall P9).
/// </summary>
public static class Lsp
{
    private const float Delta = 0.2f;
    // When the coarse grid steps over a pair of close roots (found on 3 frames of the 8 kHz
    // asterisk recording), openSMILE searches again on a 4x finer grid, as old Speex encoders did.
    private const float RetryDelta = 0.05f;
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

        if (Search(pc, qc, Delta, frequencies[..p]) < p)
            Search(pc, qc, RetryDelta, frequencies[..p]);
    }

    // Roots found (the missing ones are left at 0).
    private static int Search(ReadOnlySpan<float> pc, ReadOnlySpan<float> qc, float delta, Span<float> frequencies)
    {
        int p = frequencies.Length;
        int roots = 0;
        frequencies.Clear();
        float xl = 1.0f, xr = 0.0f;
        for (int j = 0; j < p; j++)
        {
            var c = (j & 1) == 0 ? pc : qc;
            float fl = Cheb(c, xl);
            while (xr >= -1.0f)
            {
                float step = delta * (1 - 0.9f * xl * xl);
                if (MathF.Abs(fl) < 0.2f) step *= 0.5f;
                xr = xl - step;
                float fr = Cheb(c, xr);
                if (fr * fl < 0)
                {
                    float xm = xl;
                    for (int k = 0; k <= Bisections; k++)
                    {
                        xm = 0.5f * (xl + xr);
                        float fm = Cheb(c, xm);
                        if (!(fm * fl < 0)) { fl = fm; xl = xm; }
                        else xr = xm;
                    }
                    // The C library's acosf (MathF.Acos calls it), not a correctly rounded acos:
                    // with the latter one LSP of ~10 % of the speech frames is one ulp off
                    // openSMILE's (made with glibc 2.36's acosf, which MathF.Acos matches on Linux
                    // here; a C library with a correctly rounded acosf gives that ulp).
                    frequencies[j] = MathF.Acos(xm);
                    roots++;
                    xl = xm;
                    break;
                }
                fl = fr;
                xl = xr;
            }
        }
        return roots;
    }

    // Chebyshev series c[m] + sum_{k<m} c[k] T_(m-k)(x) / 2 by a Clenshaw recurrence (c already
    // doubled), every operation rounded to float32 in the written order.
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
        return -b1 + 0.5f * x * b0 + c[m];
    }
}
