using SerAdapt.Features.Egemaps;
using static SerAdapt.Features.Tests.Egemaps.EgemapsReference;

namespace SerAdapt.Features.Tests.Egemaps;

/// <summary>Stages against the debug levels of psx_librivox_0880 (every intermediate level of openSMILE's run).</summary>
public class EgemapsStageTests
{
    private const string Name = "psx_librivox_0880";
    private static readonly float[] s_samples = LldReferenceFiles.ReadPcm16(PathOf(Name, ".wav"));

    [Fact]
    public void ShsCandidatesAndViterbi_EqualOpenSmileBitForBit()
    {
        var shs = Debug(Name, "gemapsv01b_pitchShsG60");  // nCandidates, F0Cand[6], voicing[6], scores[6], F0raw, voicingClip
        var raw = Debug(Name, "gemapsv01b_logPitchRaw");  // F0final, F0finalLog, voicingFinalUnclipped
        var frontEnd = new EgemapsFrontEnd();
        var viterbi = new PitchViterbi(EgemapsFrontEnd.Candidates, EgemapsFrontEnd.VoicingCutoff);
        var f0 = new float[EgemapsFrontEnd.Candidates];
        var voicing = new float[EgemapsFrontEnd.Candidates];
        int n60 = shs.GetLength(0);
        for (int t = 0; t < n60; t++)
        {
            int count = frontEnd.LongFrameLevels(s_samples.AsSpan(t * 160, 960), f0, voicing, out _);
            Assert.Equal(shs[t, 0], count);
            for (int i = 0; i < f0.Length; i++) Assert.Equal(shs[t, 1 + i], f0[i]);
            viterbi.Add(f0, voicing, count);
        }
        Assert.Equal(2, viterbi.Pending);
        viterbi.Flush();
        for (int t = 0; t < n60; t++)
        {
            var (hz, _) = viterbi.Result(t);
            Assert.Equal(raw[t, 0], hz);
            Assert.Equal(raw[t, 1], EgemapsLevelExtractor.Semitone(hz));
        }
    }

    [Fact]
    public void Formants_EqualOpenSmileBitForBit()
    {
        var reference = Debug(Name, "gemapsv01b_formants"); // 5 frequencies, 5 bandwidths
        var frontEnd = new EgemapsFrontEnd();
        var e = new float[EgemapsLevels.EColumns];
        var formants = new float[10];
        for (int t = 0; t < reference.GetLength(0); t++)
        {
            frontEnd.ShortFrameLevels(s_samples.AsSpan(t * 160, 320), e, formants);
            for (int i = 0; i < 10; i++) Assert.Equal(reference[t, i], formants[i]);
        }
    }

    [Fact]
    public void Harmonics_MatchOpenSmileWithinOneInAMillionDb()
    {
        var reference = Debug(Name, "gemapsv01b_harmonics"); // HNR, H1-H2, H1-A3, F1-3 amplitudes
        var levels = Levels(Name);
        const int fc = EgemapsLevels.FColumns;
        for (int t = 0; t < reference.GetLength(0); t++)
        {
            float[] ours = [levels.F[t * fc + 3], levels.F[t * fc + 4], levels.F[t * fc + 5], levels.F[t * fc + 8], levels.F[t * fc + 11], levels.F[t * fc + 14]];
            for (int i = 0; i < 6; i++) Assert.True(Math.Abs(reference[t, i] - ours[i]) <= 1e-4 + 1e-5 * Math.Abs(reference[t, i]),
                $"frame {t} value {i}: openSMILE {reference[t, i]:R}, ours {ours[i]:R}");
        }
    }
}
