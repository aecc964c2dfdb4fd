namespace SerAdapt.Features;

/// <summary>
/// Percentiles by selection instead of a full sort: the IS10 functionals need only 5 percentiles
/// per contour, i.e. at most 10 order statistics, which quickselect finds in O(n) each on
/// shrinking ranges.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>
    /// Linear interpolation between the order statistics around p*(n-1) (openSMILE's
    /// <c>Percentiles.interp=1</c>) for each p of <paramref name="ps"/>, which must be ascending.
    /// Reorders <paramref name="x"/>.
    /// </summary>
    public static void Percentiles(Span<float> x, ReadOnlySpan<double> ps, Span<double> result)
    {
        int n = x.Length;
        int selectedUpTo = 0; // x[..selectedUpTo] holds the smallest values in order where selected
        int last = -1;
        for (int i = 0; i < ps.Length; i++)
        {
            double index = ps[i] * (n - 1);
            int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
            float a = At(x, lo, ref last, ref selectedUpTo);
            if (lo == hi)
            {
                result[i] = a;
                continue;
            }
            float b = At(x, hi, ref last, ref selectedUpTo);
            result[i] = a * (hi - index) + b * (index - lo);
        }
    }

    // The k-th smallest value; ks must come in ascending order so each selection only
    // searches the part right of the previous one.
    private static float At(Span<float> x, int k, ref int last, ref int from)
    {
        if (k != last)
        {
            Select(x, from, x.Length - 1, k);
            last = k;
            from = k;
        }
        return x[k];
    }

    /// <summary>Rearranges x[left..right] so that x[k] is the value a sort would put there,
    /// with no larger value before it and no smaller value after it (Hoare quickselect,
    /// median-of-three pivot; runs of equal values split evenly).</summary>
    internal static void Select(Span<float> x, int left, int right, int k)
    {
        while (right > left)
        {
            int mid = left + (right - left) / 2;
            if (x[mid] < x[left]) Swap(x, mid, left);
            if (x[right] < x[left]) Swap(x, right, left);
            if (x[right] < x[mid]) Swap(x, right, mid);
            float pivot = x[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (x[i] < pivot) i++;
                while (x[j] > pivot) j--;
                if (i <= j)
                {
                    Swap(x, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }

    private static void Swap(Span<float> x, int i, int j) => (x[i], x[j]) = (x[j], x[i]);
}
