namespace SerAdapt.Features;

/// <summary>
/// The 1582 IS10 functionals of one file, computed from its LLD matrix exactly as openSMILE's
/// cFunctionals components of IS10_paraling(_compat).conf do (float32 data, double accumulators).
/// </summary>
/// <remarks>
/// Quirks copied on purpose (see ../shared/opensmile-is10/README.md):
/// P4 the contour functionals see only the first nLLD-3 frames, onset rate and duration the
/// nLLD-1 frames of the un-smoothed F0final; P6 the mean is rounded to float32 before moments and
/// regression use it; P7 percentiles interpolate linearly at p(N-1), upleveltime compares with
/// '>' against float32 thresholds, maxPos/minPos are the first occurrence (0-based), an onset at
/// frame 0 does not count. The compat variant's <c>oldBuggyQerr=1</c> only changes the quadratic
/// regression errors, which IS10 does not output, so both variants share every contour functional
/// and differ only in #1581 (numOnsets, a count, instead of onsetRate, per second).
/// </remarks>
public static class Is10Functionals
{
    /// <summary>LLD frames that openSMILE writes after it computed the functionals (P4).</summary>
    public const int TrailingFramesIgnored = 3;

    /// <summary>Frame step of every IS10 level, in seconds.</summary>
    public const double FrameStepSeconds = 0.01;

    /// <summary>Fewest LLD frames for which the functionals are defined (one frame after P4).</summary>
    public const int MinimumFrames = TrailingFramesIgnored + 1;

    /// <summary>Computes the 1582 functionals of <paramref name="lld"/> in openSMILE's order.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumFrames"/> frames or a wrong shape.</exception>
    public static float[] Compute(Is10Lld lld, Is10Variant variant)
    {
        ArgumentNullException.ThrowIfNull(lld);
        if (lld.Frames.GetLength(1) != Is10Lld.Columns)
            throw new ArgumentException($"LLD matrix has {lld.Frames.GetLength(1)} columns, expected {Is10Lld.Columns}.", nameof(lld));
        if (lld.FrameCount < MinimumFrames)
            throw new ArgumentException($"LLD matrix has {lld.FrameCount} frames; the IS10 functionals need at least {MinimumFrames}.", nameof(lld));

        int n = lld.FrameCount - TrailingFramesIgnored;
        var output = new float[Is10FeatureNames.Count];
        var column = new float[n];
        var scratch = new float[n];
        int o = 0;
        foreach (int c in Is10Layout.FunctionalColumns(lld2: false))
        {
            CopyColumn(lld.Frames, c, column);
            o += ContourFunctionals.Compute(column, nonZeroOnly: false, scratch, output.AsSpan(o));
        }
        foreach (int c in Is10Layout.FunctionalColumns(lld2: true))
        {
            CopyColumn(lld.Frames, c, column);
            o += ContourFunctionals.Compute(column, nonZeroOnly: true, scratch, output.AsSpan(o));
        }

        // Onsets and duration read the un-smoothed F0final (level pitchF, nLLD-1 frames).
        var f0 = lld.F0FinalUnsmoothed;
        int onsets = CountOnsets(f0);
        double duration = f0.Length * FrameStepSeconds;
        output[o++] = variant == Is10Variant.Is10Compat
            ? onsets
            : (float)(duration > 0 ? onsets / duration : 0);
        output[o++] = (float)duration;
        return output;
    }

    /// <summary>Number of transitions from a value &lt;= 0 to a value &gt; 0 (threshold 0); frame 0 never counts.</summary>
    public static int CountOnsets(ReadOnlySpan<float> f0)
    {
        int count = 0;
        for (int i = 1; i < f0.Length; i++)
            if (f0[i] > 0 && !(f0[i - 1] > 0)) count++;
        return count;
    }

    private static void CopyColumn(float[,] frames, int c, Span<float> column)
    {
        for (int t = 0; t < column.Length; t++) column[t] = frames[t, c];
    }
}
