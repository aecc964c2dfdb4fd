namespace SerAdapt.Features;

/// <summary>
/// The frame-level output of the IS10 pipeline for one file, as openSMILE writes it.
/// </summary>
/// <param name="Frames">nLLD x 76 values, columns in the order of IS10_lld_names.txt
/// (38 smoothed LLDs, then their 38 deltas), exactly the matrix of openSMILE's LLD .htk output.</param>
/// <param name="F0FinalUnsmoothed">The un-smoothed F0final contour (nLLD - 1 frames) that the
/// onset-rate and duration functionals read.</param>
public sealed record Is10Lld(float[,] Frames, float[] F0FinalUnsmoothed)
{
    public const int Columns = 76;
    public int FrameCount => Frames.GetLength(0);
}
