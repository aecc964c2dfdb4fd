namespace SerAdapt.Features;

/// <summary>Delta regression of openSMILE's cDeltaRegression with deltawin=2.</summary>
public static class Deltas
{
    private const int Window = 2;
    private const float Norm = 10f; // 2 * (1^2 + 2^2)

    /// <summary>d[t] = (x[t+1] - x[t-1] + 2 (x[t+2] - x[t-2])) / 10, edge frames replicated.
    /// Column c of x (frames x columns, row-major with the given stride) goes to column c of d.</summary>
    public static void Regression(Span<float> x, int frames, int stride, int firstColumn, int columns, Span<float> d, int outFirstColumn)
    {
        for (int t = 0; t < frames; t++)
        {
            int m1 = Math.Max(t - 1, 0) * stride, m2 = Math.Max(t - 2, 0) * stride;
            int p1 = Math.Min(t + 1, frames - 1) * stride, p2 = Math.Min(t + 2, frames - 1) * stride;
            for (int c = 0; c < columns; c++)
            {
                int col = firstColumn + c;
                d[t * stride + outFirstColumn + c] =
                    (x[p1 + col] - x[m1 + col] + 2f * (x[p2 + col] - x[m2 + col])) / Norm;
            }
        }
    }

    /// <summary>
    /// onlyInSegments=1 as openSMILE really computes it (pitfall P3): a pair x[t+i], x[t-i] counts only
    /// when both are non-zero, and the normaliser is one running value that starts at 10 and grows by
    /// i^2 for every counted pair, shared by all columns, visited frame by frame in column order. The
    /// numerator is summed in float32 (a double sum differs in the last bit of a few jitter deltas).
    /// </summary>
    public static void SegmentRegression(Span<float> x, int frames, int stride, int firstColumn, int columns, Span<float> d, int outFirstColumn)
    {
        double norm = Norm;
        for (int t = 0; t < frames; t++)
        {
            for (int c = 0; c < columns; c++)
            {
                int col = firstColumn + c;
                float num = 0;
                for (int i = 1; i <= Window; i++)
                {
                    float a = x[Math.Min(t + i, frames - 1) * stride + col];
                    float b = x[Math.Max(t - i, 0) * stride + col];
                    if (a != 0 && b != 0)
                    {
                        num += i * (a - b);
                        norm += i * i;
                    }
                }
                d[t * stride + outFirstColumn + c] = (float)(num / norm);
            }
        }
    }
}
