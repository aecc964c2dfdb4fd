namespace SerAdapt.Features;

/// <summary>
/// The 21 (or, for non-zero-only contours, 19) functionals of one contour, in IS10 order:
/// maxPos, minPos, amean, linregc1, linregc2, linregerrA, linregerrQ, stddev, skewness, kurtosis,
/// quartile1..3, iqr1-2, iqr2-3, iqr1-3, [percentile1.0], percentile99.0, [pctlrange0-1],
/// upleveltime75, upleveltime90. check_functionals.py of the reference is the executable spec.
/// </summary>
internal static class ContourFunctionals
{
    /// <summary>Writes the functionals of <paramref name="contour"/> into <paramref name="output"/>
    /// and returns how many were written. <paramref name="scratch"/> must hold the contour.</summary>
    public static int Compute(ReadOnlySpan<float> contour, bool nonZeroOnly, Span<float> scratch, Span<float> output)
    {
        int count = nonZeroOnly ? 19 : 21;
        // nonZeroFuncts=1: the zeros are dropped and positions refer to the compacted array.
        int n = 0;
        foreach (float v in contour)
            if (!nonZeroOnly || v != 0) scratch[n++] = v;
        var x = scratch[..n];
        var o = output[..count];
        if (n == 0)
        {
            o.Clear();
            return count;
        }

        float min = x[0], max = x[0];
        int minPos = 0, maxPos = 0;
        double sum = 0, weighted = 0;
        for (int i = 0; i < n; i++)
        {
            float v = x[i];
            if (v > max) { max = v; maxPos = i; }
            if (v < min) { min = v; minPos = i; }
            sum += v;
            weighted += (double)v * i;
        }
        // P6: the mean travels as float32 (FLOAT_DMEM) into the moments and the regression.
        double mean = (float)(sum / n);

        // Least squares line x ~ m*i + t over i = 0..n-1, in openSMILE's closed form.
        double slope, offset;
        if (n > 1)
        {
            double s1 = n * (n - 1.0) / 2.0;
            double s2 = n * (n - 1.0) * (2.0 * n - 1.0) / 6.0;
            double denominator = n - s1 * s1 / s2;
            offset = denominator == 0 ? 0 : (mean * n - weighted * s1 / s2) / denominator;
            slope = (weighted - offset * s1) / s2;
        }
        else
        {
            slope = 0;
            offset = x[0];
        }

        double errA = 0, errQ = 0, m2 = 0, m3 = 0, m4 = 0;
        for (int i = 0; i < n; i++)
        {
            double e = x[i] - (slope * i + offset);
            errA += Math.Abs(e);
            errQ += e * e;
            double d = x[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;

        int k = 0;
        o[k++] = maxPos;
        o[k++] = minPos;
        o[k++] = (float)mean;
        o[k++] = (float)slope;
        o[k++] = (float)offset;
        o[k++] = (float)(errA / n);
        o[k++] = (float)(errQ / n);
        if (m2 > 0)
        {
            double sd = Math.Sqrt(m2);
            o[k++] = (float)sd;
            o[k++] = (float)(m3 / (n * m2 * sd));
            o[k++] = (float)(m4 / (n * m2 * m2));
        }
        else
        {
            o[k++] = 0;
            o[k++] = 0;
            o[k++] = 0;
        }

        // Counted before the selection below reorders x (the counts do not depend on the order).
        // P7: thresholds in float32, strict '>' comparison.
        float range = (float)((double)max - min);
        float level75 = 0.75f * range + min;
        float level90 = 0.90f * range + min;
        int above75 = 0, above90 = 0;
        foreach (float v in x)
        {
            if (v > level75) above75++;
            if (v > level90) above90++;
        }

        Span<double> p = stackalloc double[5];
        OrderStatistics.Percentiles(x, [0.01, 0.25, 0.5, 0.75, 0.99], p);
        double p1 = p[0], q1 = p[1], q2 = p[2], q3 = p[3], p99 = p[4];
        o[k++] = (float)q1;
        o[k++] = (float)q2;
        o[k++] = (float)q3;
        o[k++] = (float)(q2 - q1);
        o[k++] = (float)(q3 - q2);
        o[k++] = (float)(q3 - q1);
        if (nonZeroOnly)
        {
            o[k++] = (float)p99;
        }
        else
        {
            o[k++] = (float)p1;
            o[k++] = (float)p99;
            o[k++] = (float)(p99 - p1);
        }
        o[k++] = (float)((double)above75 / n);
        o[k++] = (float)((double)above90 / n);
        return count;
    }
}
