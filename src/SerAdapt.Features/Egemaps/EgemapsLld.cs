namespace SerAdapt.Features.Egemaps;

/// <summary>
/// The 25-column LLD matrix of eGeMAPSv02 as openSMILE writes it (-lldcsvoutput / -lldhtkoutput):
/// n60 + 1 rows; columns 0-9 the 20 ms set smoothed by sma3 over all n20 frames; columns 10-24 the
/// 60 ms set smoothed by sma3nz (formants and amplitudes on every frame, -201 amplitudes included),
/// row n60 a raw copy of the last frame (reference S12). The F rows from n60 - K - 1 on follow
/// openSMILE's end-of-input schedule (E17): the smoother first sees the n60 - K frames the Viterbi
/// released before the end of the input, so row n60 - K - 1 is smoothed as an end frame and row
/// n60 - K is its raw copy; the K frames released at the end then restart the smoother, which emits
/// frames n60 - K + 1 .. n60 - 1 (with their left neighbours) and a raw copy of the last. Found on
/// the LLD files of the 21 samples (K = 1 and 2): e.g. psx_cards_001 row 103 = raw frame 102,
/// psx_librivox_0880 row 292 = raw frame 291, row 293 = frame 293 smoothed with frame 292.
/// </summary>
public static class EgemapsLld
{
    public const int Columns = EgemapsLevels.EColumns + EgemapsLevels.FColumns;

    public static float[,] Build(EgemapsLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        int n20 = levels.Short, n60 = levels.Long;
        const int ec = EgemapsLevels.EColumns, fc = EgemapsLevels.FColumns;
        var lld = new float[n60 + 1, Columns];
        var column = new float[Math.Max(n20, n60)];
        var smoothed = new float[Math.Max(n20, n60)];
        for (int c = 0; c < ec; c++)
        {
            for (int t = 0; t < n20; t++) column[t] = levels.E[t * ec + c];
            Smoothing.Sma(column.AsSpan(0, n20), smoothed.AsSpan(0, n20));
            for (int t = 0; t <= n60; t++) lld[t, c] = smoothed[t];
        }
        int end = n60 - levels.Pending - 1;
        for (int c = 0; c < fc; c++)
        {
            for (int t = 0; t < n60; t++) column[t] = levels.F[t * fc + c];
            Smoothing.SmaNoZero(column.AsSpan(0, n60), smoothed.AsSpan(0, n60));
            if (end >= 0 && end < n60 - 1)
            {
                smoothed[end] = EndFrame(column, end, noZero: true);
                smoothed[end + 1] = column[end];
            }
            for (int t = 0; t < n60; t++) lld[t, ec + c] = smoothed[t];
            lld[n60, ec + c] = column[n60 - 1];
        }
        return lld;
    }

    /// <summary>x[i] smoothed as the last frame of its level: its right neighbour replaced by itself.</summary>
    internal static float EndFrame(ReadOnlySpan<float> x, int i, bool noZero)
    {
        Span<float> pair = stackalloc float[2];
        var input = x.Slice(Math.Max(i - 1, 0), Math.Min(i + 1, 2));
        if (noZero) Smoothing.SmaNoZero(input, pair[..input.Length]);
        else Smoothing.Sma(input, pair[..input.Length]);
        return pair[input.Length - 1];
    }
}
