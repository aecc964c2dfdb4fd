namespace SerAdapt.Features;

/// <summary>
/// openSMILE's cPitchSmoother with postSmoothingMethod=simple and octaveCorrection=0, in batch form.
/// The best SHS candidate is voiced when its voicing exceeds the cutoff; with a 1-frame delay, a
/// voiced frame between two unvoiced ones is set unvoiced, and a voiced frame whose F0 differs from
/// both voiced neighbours by more than a factor 1.25 takes the next frame's F0, unless the
/// neighbours differ from each other by a factor 2 or more. Both factors are inferred from the
/// only 5 such frames in the 21 reference files (replaced: jump factors >= 1.31, neighbour
/// factors <= 1.45; not replaced: jump factor 1.21, and neighbour factor 4.7).
/// Frame 0 is swallowed by the delay
/// (all outputs 0), so the outputs have one frame fewer than the input (pitfall P5).
/// F0finEnv = 0.75 env + 0.25 F0 on voiced frames (the first voiced frame sets it), held otherwise;
/// voicingFinalUnclipped is the best candidate's voicing.
/// </summary>
public static class PitchSmoother
{
    /// <param name="f0">Best candidate per SHS frame (n frames).</param>
    /// <param name="voicing">Its voicing per SHS frame.</param>
    /// <param name="f0Final">Output, n - 1 frames.</param>
    /// <param name="f0Envelope">Output, n - 1 frames.</param>
    /// <param name="voicingFinal">Output, n - 1 frames.</param>
    public static void Apply(ReadOnlySpan<float> f0, ReadOnlySpan<float> voicing, float voicingCutoff,
        Span<float> f0Final, Span<float> f0Envelope, Span<float> voicingFinal)
    {
        int n = f0.Length - 1;
        float env = 0;
        for (int t = 0; t < n; t++)
        {
            float final = 0, v = 0;
            if (t > 0)
            {
                v = voicing[t];
                final = Final(Raw(f0, voicing, t - 1, voicingCutoff), Raw(f0, voicing, t, voicingCutoff), Raw(f0, voicing, t + 1, voicingCutoff));
            }
            env = Envelope(env, final);
            f0Final[t] = final;
            f0Envelope[t] = env;
            voicingFinal[t] = v;
        }
    }

    /// <summary>F0final of a frame after the first from the voiced F0 (0 = unvoiced) of it and its neighbours.</summary>
    internal static float Final(float before, float raw, float after)
    {
        bool isolated = before == 0 && after == 0;
        // A voiced frame that jumps away from both voiced neighbours takes the next frame's F0.
        if (raw > 0 && before > 0 && after > 0 && Ratio(raw, before) > JumpRatio && Ratio(raw, after) > JumpRatio
            && Ratio(after, before) < NeighbourRatio)
            return after;
        return isolated ? 0 : raw;
    }

    /// <summary>The next F0finEnv: 0.75 env + 0.25 F0 on a voiced frame (the first voiced frame sets it), held otherwise.</summary>
    internal static float Envelope(float env, float final) =>
        final > 0 ? (env == 0 ? final : 0.75f * env + 0.25f * final) : env;

    private const float JumpRatio = 1.25f;
    private const float NeighbourRatio = 2f;

    private static float Ratio(float a, float b) => a > b ? a / b : b / a;

    private static float Raw(ReadOnlySpan<float> f0, ReadOnlySpan<float> voicing, int t, float cutoff) =>
        Voiced(f0[t], voicing[t], cutoff);

    /// <summary>The best candidate's F0 if its voicing exceeds the cutoff, else 0.</summary>
    internal static float Voiced(float f0, float voicing, float cutoff) => voicing > cutoff ? f0 : 0f;
}
