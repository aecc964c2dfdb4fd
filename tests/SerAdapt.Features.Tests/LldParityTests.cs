namespace SerAdapt.Features.Tests;

/// <summary>
/// Frame-level parity with openSMILE's own LLD output (.IS10_lld.htk, exact float32; compat from
/// its 7-digit csv) on the reference files copied into Fixtures. Tolerance: 1e-4 relative with a
/// 1e-4 absolute floor near zero. The columns we do not yet reproduce exactly (LSP,
/// jitter/shimmer) are listed in docs/features.md, "LLD parity".
/// </summary>
public sealed class LldParityTests
{
    private static readonly string[] FileNames =
        ["psx_cards_001", "edge_short_0p3s", "alsa_Front_Center", "espeak_en_f3_p80_s160", "syn_sine_220Hz_2s", "syn_silence_2s"];

    public static TheoryData<string> Files => new(FileNames);

    private static (float[] Samples, float[,] Reference) Load(string name)
    {
        string dir = Path.Combine(LldReferenceFiles.FixturesDir, name);
        return (LldReferenceFiles.ReadPcm16(Path.Combine(dir, name + ".wav")),
                LldReferenceFiles.ReadHtk(Path.Combine(dir, name + ".IS10_lld.htk")));
    }

    [Fact]
    public void Is10_SpectralLlds_MatchOpenSmileOn999PermilleOfAllFixtureFrames()
    {
        // Per file one frame may miss (alsa_Front_Center frame 86, mfcc[8] off by 1.2e-4 on 0.96:
        // float32 rounding in openSMILE); over all fixture frames the target is 99.9 %.
        string[] groups = ["loudness", "mfcc", "logMel"];
        var ok = new double[groups.Length * 2];
        int total = 0;
        foreach (var name in FileNames)
        {
            var (x, reference) = Load(name);
            var lld = Is10LldExtractor.Compute(x, Is10Variant.Is10);
            var p = new LldParity(lld.Frames, reference, 1e-4, 1e-4);
            Assert.True(p.RowsMatch, $"{name}: {lld.FrameCount} rows, openSMILE {p.Rows}");
            for (int g = 0; g < groups.Length; g++)
                for (int h = 0; h < 2; h++)
                {
                    double fraction = p.Group(groups[g], 38 * h);
                    Assert.True(p.Rows - fraction * p.Rows <= 1.0001, $"{name} {groups[g]}{(h > 0 ? "_de" : "")}: {fraction:P2}");
                    ok[2 * g + h] += fraction * p.Rows;
                }
            total += p.Rows;
        }
        for (int i = 0; i < ok.Length; i++)
            Assert.True(ok[i] / total >= 0.999, $"{groups[i / 2]}{(i % 2 > 0 ? "_de" : "")}: {ok[i] / total:P3} of {total} frames");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Is10_VoicingDecision_MatchesOpenSmileOn99PercentOfFrames(string name)
    {
        var (x, reference) = Load(name);
        var p = new LldParity(Is10LldExtractor.Compute(x, Is10Variant.Is10).Frames, reference, 1e-4, 1e-4);
        Assert.True(p.VoicingAgreement >= 0.99, $"{name}: voicing agrees on {p.VoicingAgreement:P2} of frames");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Is10_PitchColumns_MatchOpenSmileOnEveryFrame(string name)
    {
        // F0final, F0finEnv and voicingFinalUnclipped (and their deltas, except F0final_de, whose
        // never-reset normaliser also counts the jitter columns) on every frame.
        var (x, reference) = Load(name);
        var p = new LldParity(Is10LldExtractor.Compute(x, Is10Variant.Is10).Frames, reference, 1e-4, 1e-4);
        foreach (var g in new[] { "F0final", "F0finEnv", "voicing" })
            Assert.True(p.Group(g) == 1.0, $"{name} {g}: {p.Group(g):P2} of frames");
        foreach (var g in new[] { "F0finEnv", "voicing" })
            Assert.True(p.Group(g, 38) == 1.0, $"{name} {g}_de: {p.Group(g, 38):P2} of frames");
    }

    [Fact]
    public void Is10_DigitalSilence_GivesOpenSmilesSilenceValuesInAllColumns()
    {
        var (x, reference) = Load("syn_silence_2s");
        var lld = Is10LldExtractor.Compute(x, Is10Variant.Is10);
        var p = new LldParity(lld.Frames, reference, 1e-4, 1e-4);
        for (int c = 0; c < Is10Lld.Columns; c++)
            Assert.True(p.ColumnFraction[c] == 1.0, $"column {c}: {p.ColumnFraction[c]:P2}");
        foreach (var v in lld.Frames) Assert.False(float.IsNaN(v));
        Assert.Equal(2 * Math.PI / 9, lld.Frames[0, 25], 1e-3); // LSP of A(z) = 1: k pi / 9 (P9)
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Compat_SpectralLldsAndVoicing_MatchOpenSmilesCsv(string name)
    {
        string dir = Path.Combine(LldReferenceFiles.FixturesDir, name);
        var x = LldReferenceFiles.ReadPcm16(Path.Combine(dir, name + ".wav"));
        var reference = LldReferenceFiles.ReadLldCsv(Path.Combine(dir, name + ".IS10compat_lld.csv"));
        var p = new LldParity(Is10LldExtractor.Compute(x, Is10Variant.Is10Compat).Frames, reference, 1e-4, 1e-4);
        Assert.True(p.RowsMatch);
        Assert.True(p.VoicingAgreement >= 0.99, $"{name}: voicing agrees on {p.VoicingAgreement:P2}");
        foreach (var g in new[] { "F0final", "F0finEnv", "voicing" })
            Assert.True(p.Group(g) == 1.0, $"{name} compat {g}: {p.Group(g):P2}");
        // A pure tone leaves most mel bands at float32 rounding noise, which openSMILE's own is10
        // and compat runs do not reproduce either (they differ by up to 1e-4 on this file).
        if (name == "syn_sine_220Hz_2s") return;
        foreach (var g in new[] { "loudness", "mfcc", "logMel" })
            Assert.True(p.Rows - p.Group(g) * p.Rows <= 1.0001, $"{name} {g}: {p.Group(g):P2}");
    }

    [Fact]
    public void Compute_InputShorterThanOnePitchFrame_ThrowsTypedError()
    {
        var ex = Assert.Throws<AudioTooShortException>(() => Is10LldExtractor.Compute(new float[959], Is10Variant.Is10));
        Assert.Contains("959", ex.Message);
    }

    [Fact]
    public void Compute_ExactlyOnePitchFrame_GivesOneRowWithoutNaN()
    {
        var x = new float[960];
        for (int i = 0; i < x.Length; i++) x[i] = (float)Math.Sin(i * 0.1);
        var lld = Is10LldExtractor.Compute(x, Is10Variant.Is10);
        Assert.Equal(1, lld.FrameCount);
        Assert.Empty(lld.F0FinalUnsmoothed);
        foreach (var v in lld.Frames) Assert.False(float.IsNaN(v) || float.IsInfinity(v));
    }
}
