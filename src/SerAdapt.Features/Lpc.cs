namespace SerAdapt.Features;

/// <summary>
/// Linear prediction by the autocorrelation method and Levinson-Durbin (openSMILE cLpc, method=acf):
/// A(z) = 1 + a1 z^-1 + ... + ap z^-p, the output is a1..ap. Computed in float32 exactly as
/// openSMILE (its LPCs are ill-conditioned enough that double arithmetic moves the LSPs by more
/// than 1e-4 on a few % of speech frames), which prints its LPC debug level digit for digit.
/// A zero autocorrelation (silence) gives a = 0. A prediction error that turns negative in float32
/// does not stop the recursion (openSMILE goes on; eGeMAPS espeak_en_m_p50_s175 frame 75, order 11);
/// only an error of exactly 0 does.
/// </summary>
public static class Lpc
{
    /// <summary>Highest order supported (the scratch buffers live on the stack).</summary>
    public const int MaxOrder = 64;

    /// <param name="r">Autocorrelation lags 0..p.</param>
    /// <param name="coefficients">a1..ap.</param>
    public static void FromAutocorrelation(ReadOnlySpan<float> r, Span<float> coefficients)
    {
        int order = r.Length - 1;
        if (order > MaxOrder) throw new ArgumentOutOfRangeException(nameof(r), order, $"LPC order above {MaxOrder}.");
        Span<float> a = stackalloc float[order + 1];
        Span<float> prev = stackalloc float[order + 1];
        a.Clear();
        a[0] = 1;
        float err = r[0];
        for (int i = 1; i <= order && err != 0; i++)
        {
            float acc = r[i];
            for (int j = 1; j < i; j++) acc += a[j] * r[i - j];
            // openSMILE multiplies by the reciprocal of the error rather than dividing: with the
            // division, 0 % of the sawtooth's frames and 15 % of librivox_0880's print openSMILE's
            // LPCs to the last of their 7 digits; with the reciprocal, all of them.
            float k = -acc * (1 / err);
            a.CopyTo(prev);
            for (int j = 1; j < i; j++) a[j] = prev[j] + k * prev[i - j];
            a[i] = k;
            err *= 1 - k * k;
        }
        for (int i = 0; i < order; i++) coefficients[i] = a[i + 1];
    }
}
