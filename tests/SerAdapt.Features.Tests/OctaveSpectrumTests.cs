using System.Globalization;

namespace SerAdapt.Features.Tests;

/// <summary>
/// The octave spectrum and the SHS candidates against openSMILE's own debug levels (60 ms |X|,
/// cSpecScale output, cPitchShs candidates) on eight frames of psx_librivox_0880, chosen to cover
/// voiced speech, frames with fewer than 6 candidates and a frame with none; and the pitch chain's
/// end products against openSMILE's exact float32 LLDs.
/// </summary>
public sealed class OctaveSpectrumTests
{
    private const int Bins = 513;
    private static readonly string Dir = Path.Combine(LldReferenceFiles.FixturesDir, "psx_librivox_0880");

    private static List<string[]> Rows(string level) => LldReferenceFiles.DebugRows("psx_librivox_0880", level);

    private static List<float[]> ReadRows(string level) =>
        Rows(level).Select(r => r.Skip(1).Select(v => float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ToList();

    private static OctaveSpectrum Is10Scale() => new(1024, 16000, 20, enhance: true, smooth: true, auditoryWeighting: true);

    // The exact 60 ms magnitude spectrum of each debug row's frame, from the is10 pipeline itself.
    private static List<float[]> ExactMagnitudes(List<string[]> rows)
    {
        var x = LldReferenceFiles.ReadPcm16(Path.Combine(Dir, "psx_librivox_0880.wav"));
        var pipeline = new Is10Pipeline(Is10Variant.Is10);
        return rows.Select(row =>
        {
            int t = (int)Math.Round(double.Parse(row[0], CultureInfo.InvariantCulture) * 100);
            return pipeline.LongSpectrum(x.AsSpan(160 * t, 960)).ToArray();
        }).ToList();
    }

    [Fact]
    public void Apply_ExactMagnitudes_PrintsAsOpenSmilesOctaveSpectrum()
    {
        var rows = Rows("hps");
        var magnitudes = ExactMagnitudes(rows);
        var scale = Is10Scale();
        var octave = new float[Bins];
        for (int r = 0; r < rows.Count; r++)
        {
            scale.Apply(magnitudes[r], octave);
            for (int i = 0; i < Bins; i++)
                Assert.True(OpenSmileNumberFormat.Csv(octave[i]) == rows[r][1 + i],
                    $"frame {rows[r][0]} point {i}: openSMILE {rows[r][1 + i]}, ours {OpenSmileNumberFormat.Csv(octave[i])}");
        }
    }

    [Fact]
    public void Apply_CsvMagnitudes_MatchOpenSmilesOctaveSpectrumClosely()
    {
        // From the debug level's own 7-digit magnitudes the spline cannot be exact, but close.
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
    public void WeightOnTheSplineGrid_DoesNotPrintAsOpenSmile()
    {
        // The auditory weight runs over the scale in range/N steps; on the spline's own range/(N-1)
        // grid (3 x - 14 with x = log2 f of the point) the weighted values are visibly off.
        var rows = Rows("hps");
        var magnitudes = ExactMagnitudes(rows);
        var plain = new OctaveSpectrum(1024, 16000, 20, enhance: true, smooth: true, auditoryWeighting: false);
        var octave = new float[Bins];
        int equal = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            plain.Apply(magnitudes[r], octave);
            for (int i = 0; i < Bins; i++)
            {
                double x = plain.LogMin + i * plain.LogStep;
                float v = (float)(octave[i] * (0.5 + Math.Atan(3 * x - 14) / Math.PI));
                if (OpenSmileNumberFormat.Csv(v) == rows[r][1 + i]) equal++;
            }
        }
        Assert.True(equal < 0.5 * rows.Count * Bins, $"{equal} of {rows.Count * Bins} printed equal");
    }

    [Fact]
    public void GreedyShs_OnOurOctaveSpectrum_PrintsOpenSmilesCandidates()
    {
        var rows = Rows("pitchShs"); // nCandidates, F0Cand[6], candVoicing[6], candScores[6]
        var magnitudes = ExactMagnitudes(rows);
        var scale = Is10Scale();
        var shs = new PitchShs(scale, 52, 620, 6, greedy: true);
        var octave = new float[Bins];
        var f0 = new float[PitchShs.MaxCandidates];
        var voicing = new float[PitchShs.MaxCandidates];
        var score = new float[PitchShs.MaxCandidates];
        int values = 0, printedEqual = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            scale.Apply(magnitudes[r], octave);
            int count = shs.Apply(octave, f0, voicing, score);
            Assert.Equal(rows[r][1], count.ToString(CultureInfo.InvariantCulture));
            for (int c = 0; c < 6; c++)
            {
                // F0 is exact; voicing and score are exact on ~95 % of candidates (see PitchShs).
                Assert.Equal(rows[r][2 + c], OpenSmileNumberFormat.Csv(f0[c]));
                float v = float.Parse(rows[r][8 + c], CultureInfo.InvariantCulture);
                float s = float.Parse(rows[r][14 + c], CultureInfo.InvariantCulture);
                Assert.Equal(v, voicing[c], 1e-6);
                Assert.Equal(s, score[c], s * 1e-6);
                values += 2;
                if (OpenSmileNumberFormat.Csv(voicing[c]) == rows[r][8 + c]) printedEqual++;
                if (OpenSmileNumberFormat.Csv(score[c]) == rows[r][14 + c]) printedEqual++;
            }
        }
        Assert.True(printedEqual >= 0.9 * values, $"{printedEqual} of {values} voicing/score values printed equal");
    }

    [Theory]
    [MemberData(nameof(LldReferenceFiles.HtkFixtures), MemberType = typeof(LldReferenceFiles))]
    public void F0FinalAndEnvelope_EqualOpenSmilesHtkBitForBit(string name)
    {
        var (reference, ours) = LldReferenceFiles.HtkAndOurs(name);
        // F0finEnv_sma (32), F0final_sma (34), F0finEnv_sma_de (70).
        int[] columns = [32, 34, 70];
        int differing = LldReferenceFiles.BitsDiffering(ours, reference, columns), total = columns.Length * reference.GetLength(0);
        Assert.True(differing == 0, $"{name}: {differing} of {total} values differ");
    }
}
