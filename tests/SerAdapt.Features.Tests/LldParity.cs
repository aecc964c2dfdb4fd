namespace SerAdapt.Features.Tests;

/// <summary>Per-column agreement of our LLD matrix with openSMILE's.</summary>
internal sealed class LldParity
{
    public static readonly string[] Groups = ["loudness", "mfcc", "logMel", "lsp", "F0finEnv", "voicing", "F0final", "jitterLocal", "jitterDDP", "shimmer"];
    private static readonly (int First, int Count)[] GroupColumns =
        [(0, 1), (1, 15), (16, 8), (24, 8), (32, 1), (33, 1), (34, 1), (35, 1), (36, 1), (37, 1)];

    public LldParity(float[,] ours, float[,] reference, double relTol, double absTol)
    {
        Rows = reference.GetLength(0);
        RowsMatch = ours.GetLength(0) == Rows;
        int cols = reference.GetLength(1);
        ColumnFraction = new double[cols];
        if (!RowsMatch) return;
        for (int c = 0; c < cols; c++)
        {
            int ok = 0;
            for (int r = 0; r < Rows; r++)
            {
                double a = ours[r, c], b = reference[r, c];
                if (Math.Abs(a - b) <= Math.Max(relTol * Math.Abs(b), absTol)) ok++;
            }
            ColumnFraction[c] = (double)ok / Rows;
        }
        int agree = 0;
        for (int r = 0; r < Rows; r++)
            if (ours[r, 34] > 0 == reference[r, 34] > 0) agree++;
        VoicingAgreement = (double)agree / Rows;
    }

    public int Rows { get; }
    public bool RowsMatch { get; }
    public double[] ColumnFraction { get; }
    public double VoicingAgreement { get; }

    /// <summary>Worst column fraction of a group, on the LLD (offset 0) or the delta (offset 38) half.</summary>
    public double Group(string name, int offset = 0)
    {
        var (first, count) = GroupColumns[Array.IndexOf(Groups, name)];
        double min = 1;
        for (int c = first; c < first + count; c++) min = Math.Min(min, ColumnFraction[c + offset]);
        return min;
    }
}
