namespace SerAdapt.Features;

/// <summary>3-point moving average of openSMILE's cContourSmoother (smaWin=3).</summary>
public static class Smoothing
{
    /// <summary>
    /// y[t] = (x[t-1] + x[t] + x[t+1]) / 3 for t &lt; output length; x[-1] = x[0], and past the end
    /// of x the last value is repeated. x may hold more frames than the output (openSMILE reads
    /// the next frame of the 25 ms level when it exists).
    /// </summary>
    public static void Sma(ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        for (int t = 0; t < y.Length; t++)
        {
            float a = x[Math.Max(t - 1, 0)], b = x[Math.Min(t, n - 1)], c = x[Math.Min(t + 1, n - 1)];
            y[t] = (a + b + c) / 3f;
        }
    }

    /// <summary>noZeroSma=1: zeros stay 0 and zero neighbours are left out of the average.</summary>
    public static void SmaNoZero(ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        for (int t = 0; t < y.Length; t++)
        {
            float b = x[Math.Min(t, n - 1)];
            if (b == 0) { y[t] = 0; continue; }
            float a = x[Math.Max(t - 1, 0)], c = x[Math.Min(t + 1, n - 1)];
            float sum = b;
            int k = 1;
            if (a != 0) { sum += a; k++; }
            if (c != 0) { sum += c; k++; }
            y[t] = sum / k;
        }
    }
}
