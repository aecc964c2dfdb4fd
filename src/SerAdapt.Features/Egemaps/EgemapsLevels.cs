namespace SerAdapt.Features.Egemaps;

/// <summary>
/// The un-smoothed frame levels of eGeMAPSv02 from which the LLD file and the functionals are
/// made. E: n20 rows of <see cref="EColumns"/> (20 ms frames); F: n60 rows of
/// <see cref="FColumns"/> (60 ms frames, F0 gated by energy, formants of the 20 ms frame with the
/// same index, F1-3 amplitudes -201 on unvoiced frames); <see cref="Pending"/> = K of pitfall E17.
/// </summary>
public sealed class EgemapsLevels
{
    /// <summary>Loudness, alphaRatio, hammarbergIndex, slope0-500, slope500-1500, spectralFlux, mfcc1-4.</summary>
    public const int EColumns = 10;

    /// <summary>F0semitone, jitterLocal, shimmerLocaldB, HNR, H1-H2, H1-A3, F1 f/bw/amp, F2 ..., F3 ...</summary>
    public const int FColumns = 15;

    internal EgemapsLevels(int n20, int n60, int pending, float[] e, float[] f, double[] energy)
    {
        Short = n20;
        Long = n60;
        Pending = pending;
        E = e;
        F = f;
        Energy = energy;
    }

    /// <summary>20 ms frames (n20 = n60 + 4).</summary>
    public int Short { get; }

    /// <summary>60 ms frames (n60).</summary>
    public int Long { get; }

    /// <summary>Viterbi frames pending after the last frame (K): the F0-side functionals read n60 - K frames.</summary>
    public int Pending { get; }

    /// <summary>n20 x 10, row-major.</summary>
    public float[] E { get; }

    /// <summary>n60 x 15, row-major.</summary>
    public float[] F { get; }

    /// <summary>Mean square of each raw 20 ms frame (n20).</summary>
    public double[] Energy { get; }
}
