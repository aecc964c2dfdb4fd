using System.Globalization;

namespace SerAdapt.Features.Tests;

/// <summary>
/// The octave spectrum and the SHS candidates against openSMILE's own debug levels (60 ms |X|,
/// cSpecScale output, cPitchShs candidates) on eight frames of psx_librivox_0880, chosen to cover
/// voiced speech, frames with fewer than 6 candidates and a frame with none.
/// </summary>
public sealed class OctaveSpectrumTests
{
    private const int Bins = 513;

    private static List<float[]> ReadRows(string level)
    {
        string path = Path.Combine(LldReferenceFiles.FixturesDir, "psx_librivox_0880", $"dbg_is10_{level}.frames.csv");
        return File.ReadLines(path).Skip(1)
            .Select(l => l.Split(';').Skip(1).Select(v => float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
    }

    private static OctaveSpectrum Is10Scale() => new(1024, 16000, 20, enhance: true, smooth: true, auditoryWeighting: true);

    [Fact]
    public void Apply_FftMagnitudes_MatchOpenSmilesOctaveSpectrum()
    {
        var magnitudes = ReadRows("fftmag40");
        var expected = ReadRows("hps");
        var scale = Is10Scale();
        var octave = new float[Bins];
        for (int f = 0; f < magnitudes.Count; f++)
        {
            scale.Apply(magnitudes[f], octave);
            float max = expected[f].Max();
            for (int i = 0; i < Bins; i++)
                Assert.True(Math.Abs(octave[i] - expected[f][i]) <= 2e-5 * max,
                    $"frame {f} point {i}: openSMILE {expected[f][i]}, ours {octave[i]}");
        }
    }

    [Fact]
    public void GreedyShs_OnOurOctaveSpectrum_GivesOpenSmilesCandidates()
    {
        var magnitudes = ReadRows("fftmag40");
        var expected = ReadRows("pitchShs"); // nCandidates, F0Cand[6], candVoicing[6], candScores[6]
        var scale = Is10Scale();
        var shs = new PitchShs(scale, 52, 620, 6, greedy: true);
        var octave = new float[Bins];
        var f0 = new float[PitchShs.MaxCandidates];
        var voicing = new float[PitchShs.MaxCandidates];
        var score = new float[PitchShs.MaxCandidates];
        for (int f = 0; f < magnitudes.Count; f++)
        {
            scale.Apply(magnitudes[f], octave);
            int count = shs.Apply(octave, f0, voicing, score);
            Assert.Equal((int)expected[f][0], count);
            for (int c = 0; c < count; c++)
            {
                Assert.Equal(expected[f][1 + c], f0[c], expected[f][1 + c] * 1e-4);
                Assert.Equal(expected[f][7 + c], voicing[c], 1e-4);
                Assert.Equal(expected[f][13 + c], score[c], expected[f][13 + c] * 1e-4);
            }
        }
    }
}
