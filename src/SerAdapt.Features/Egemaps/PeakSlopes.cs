namespace SerAdapt.Features.Egemaps;

/// <summary>
/// openSMILE's Peaks2 functional as eGeMAPS uses it (reference S13, pitfalls E14, E18): peak
/// picking with the relative threshold 0.1 (max - min), then the mean and standard deviation of
/// the rising and falling slopes (per second) and the number of peaks.
/// </summary>
public static class PeakSlopes
{
    private const float RelativeThreshold = 0.1f;

    /// <summary>Rising mean/stddev, falling mean/stddev (per second) and the number of maxima of x.</summary>
    public static (float RiseMean, float RiseStddev, float FallMean, float FallStddev, int Peaks) Compute(ReadOnlySpan<float> x, double period)
    {
        int n = x.Length;
        if (n == 0) return (0, 0, 0, 0, 0);
        float min = x[0], max = x[0];
        foreach (float v in x) { if (v < min) min = v; if (v > max) max = v; }
        float a = RelativeThreshold * (max - min);

        // Candidates: strict local extrema at 2..n-3, in time order (+i = maximum, ~i = minimum).
        var list = new List<int>();
        for (int i = 2; i <= n - 3; i++)
        {
            if (x[i] > x[i - 1] && x[i] > x[i + 1]) list.Add(i);
            else if (x[i] < x[i - 1] && x[i] < x[i + 1]) list.Add(~i);
        }
        var keep = new bool[list.Count];

        // Pass 1.
        float v0 = x[0], m = x[0], bigM = x[0];
        int r = -1;
        bool minSince = false;
        for (int k = 0; k < list.Count; k++)
        {
            int e = list[k];
            if (e >= 0)
            {
                float y = x[e];
                if (Math.Abs(y - v0) >= a) { keep[k] = true; r = k; bigM = y; minSince = false; }
                else if (y - m < a) { }
                else if (y > 1.05 * bigM)
                {
                    if (r >= 0) keep[r] = false;
                    keep[k] = true; r = k; bigM = y; minSince = false;
                }
                else if (minSince) { keep[k] = true; r = k; bigM = y; minSince = false; }
                else minSince = false;
                v0 = y;
            }
            else
            {
                float y = x[~e];
                keep[k] = true;
                if (Math.Abs(y - v0) >= a) { m = y; minSince = true; }
                v0 = y;
            }
        }

        // Pass 2: drop minima less than a below the last maximum.
        bigM = x[0];
        for (int k = 0; k < list.Count; k++)
        {
            if (!keep[k]) continue;
            int e = list[k];
            if (e >= 0) bigM = x[e];
            else if (bigM - x[~e] < a) keep[k] = false;
        }

        // Pass 3: alternate maxima and minima (the largest of a run of maxima, the smallest of minima).
        var final = new List<int>();
        for (int k = 0; k < list.Count; k++)
        {
            if (!keep[k]) continue;
            int e = list[k];
            if (final.Count > 0 && (final[^1] >= 0) == (e >= 0))
            {
                float prev = x[final[^1] >= 0 ? final[^1] : ~final[^1]];
                float y = x[e >= 0 ? e : ~e];
                if (e >= 0 ? y > prev : y < prev) final[^1] = e;
                continue;
            }
            final.Add(e);
        }

        // Slopes, the start of the input acting as the previous extremum of either kind.
        var rises = new List<float>();
        var falls = new List<float>();
        float maxV = x[0], minV = x[0];
        int maxP = 0, minP = 0, peaks = 0;
        foreach (int e in final)
        {
            if (e >= 0)
            {
                rises.Add((float)((x[e] - minV) / ((e - minP) * period)));
                maxV = x[e]; maxP = e; peaks++;
            }
            else
            {
                int i = ~e;
                falls.Add((float)((maxV - x[i]) / ((i - maxP) * period)));
                minV = x[i]; minP = i;
            }
        }
        float? riseTail = null, fallTail = null;
        if (final.Count > 0)
        {
            int e = final[^1];
            int p = e >= 0 ? e : ~e;
            if (p < n - 1)
            {
                if (e >= 0) fallTail = (float)((x[n - 1] - maxV) / ((n - 1 - p) * period));
                else riseTail = (float)((x[n - 1] - minV) / ((n - 1 - p) * period));
            }
        }
        else
        {
            float s = (x[n - 1] - x[0]) / n;
            if (s > 0) riseTail = s;
            else if (s < 0) fallTail = s;
        }
        var (rm, rs) = MeanStddev(rises, riseTail);
        var (fm, fs) = MeanStddev(falls, fallTail);
        return (rm, rs, fm, fs, peaks);
    }

    // Mean over the slopes and the tail; the tail counts in the mean and the divisor of the
    // variance but not in its sum of squares (E18).
    private static (float Mean, float Stddev) MeanStddev(List<float> slopes, float? tail)
    {
        int count = slopes.Count + (tail.HasValue ? 1 : 0);
        if (count == 0) return (0, 0);
        float sum = 0;
        foreach (float s in slopes) sum += s;
        if (tail.HasValue) sum += tail.Value;
        float mean = sum / count;
        if (count == 1) return (mean, 0);
        double sq = 0;
        foreach (float s in slopes) sq += ((double)s - mean) * ((double)s - mean);
        return (mean, (float)Math.Sqrt(sq / count));
    }
}
