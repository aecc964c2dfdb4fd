namespace SerAdapt.Features;

/// <summary>
/// Linear prediction by the autocorrelation method and Levinson-Durbin (openSMILE cLpc, method=acf):
/// A(z) = 1 + a1 z^-1 + ... + ap z^-p, the output is a1..ap. A zero autocorrelation (silence)
/// gives a = 0.
/// </summary>
public static class Lpc
{
    /// <param name="r">Autocorrelation lags 0..p.</param>
    /// <param name="coefficients">a1..ap.</param>
    public static void FromAutocorrelation(ReadOnlySpan<double> r, Span<double> coefficients)
    {
        int order = r.Length - 1;
        Span<double> a = stackalloc double[order + 1];
        Span<double> prev = stackalloc double[order + 1];
        a.Clear();
        a[0] = 1;
        double err = r[0];
        for (int i = 1; i <= order && err > 0; i++)
        {
            double acc = r[i];
            for (int j = 1; j < i; j++) acc += a[j] * r[i - j];
            double k = -acc / err;
            a.CopyTo(prev);
            for (int j = 1; j < i; j++) a[j] = prev[j] + k * prev[i - j];
            a[i] = k;
            err *= 1 - k * k;
        }
        for (int i = 0; i < order; i++) coefficients[i] = a[i + 1];
    }
}
