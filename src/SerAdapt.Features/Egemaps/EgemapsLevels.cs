namespace SerAdapt.Features.Egemaps;

/// <summary>
/// The un-smoothed frame levels of eGeMAPSv02 from which the LLD file and the functionals are made.
/// </summary>
/// <param name="Short">20 ms frames, n20 (= n60 + 4).</param>
/// <param name="Long">60 ms frames, n60.</param>
/// <param name="Pending">Viterbi frames pending after the last frame (K of pitfall E17): the F0-side
/// functionals read n60 - K frames.</param>
/// <param name="E">n20 x <see cref="EColumns"/>, row-major: Loudness, alphaRatio, hammarbergIndex,
/// slope0-500, slope500-1500, spectralFlux, mfcc1-4.</param>
/// <param name="F">n60 x <see cref="FColumns"/>, row-major: F0 semitone (energy-gated), jitterLocal,
/// shimmerLocaldB, HNR, H1-H2, H1-A3, then F1-F3 frequency, bandwidth, amplitude (formants of the
/// 20 ms frame with the same index, amplitudes -201 on unvoiced frames).</param>
/// <param name="Energy">Mean square of each raw 20 ms frame (n20), for Leq (float32, as Leq sums it).</param>
public sealed record EgemapsLevels(int Short, int Long, int Pending, float[] E, float[] F, float[] Energy)
{
    public const int EColumns = 10;
    public const int FColumns = 15;
}
