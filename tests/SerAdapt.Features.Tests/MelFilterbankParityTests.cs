using System.Globalization;

namespace SerAdapt.Features.Tests;

/// <summary>
/// openSMILE's cMelspec / cMfcc arithmetic, pinned against its debug levels (60 frames of
/// psx_librivox_0880: every 5th of the 25 ms level) and its exact float32 LLDs: our mel powers,
/// MFCCs and log-mel bands print exactly as openSMILE's at 7 significant digits (a one-ulp
/// difference breaks some 6-12 % of such prints), and after smoothing our mfcc / logMelFreqBand
/// columns equal the .htk bit for bit. The same triangles with the rising slope weighted
/// separately, (m - c_j)/(c_(j+1) - c_j) e instead of e - w e, do not.
/// </summary>
public sealed class MelFilterbankParityTests
{
    private static readonly string Dir = Path.Combine(LldReferenceFiles.FixturesDir, "psx_librivox_0880");

    private static List<string[]> Rows(string level) => LldReferenceFiles.DebugRows("psx_librivox_0880", level);

    // The 25 ms magnitude spectrum of the frame starting at t * 10 ms, from the is10 pipeline itself.
    private static List<(int Frame, float[] Magnitude)> Spectra(List<string[]> rows)
    {
        var x = LldReferenceFiles.ReadPcm16(Path.Combine(Dir, "psx_librivox_0880.wav"));
        var pipeline = new Is10Pipeline(Is10Variant.Is10);
        return rows.Select(row =>
        {
            int t = (int)Math.Round(double.Parse(row[0], CultureInfo.InvariantCulture) * 100);
            return (t, pipeline.ShortSpectrum(x.AsSpan(160 * t, 400)).Magnitudes.ToArray());
        }).ToList();
    }

    private static double PrintedEqualShare(List<string[]> rows, Func<float[], float[]> compute)
    {
        var spectra = Spectra(rows);
        int equal = 0, total = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            var values = compute(spectra[r].Magnitude);
            for (int i = 0; i < values.Length; i++)
            {
                total++;
                if (OpenSmileNumberFormat.Csv(values[i]) == rows[r][1 + i]) equal++;
            }
        }
        Assert.Equal(60 * (rows[0].Length - 1), total);
        return (double)equal / total;
    }

    private static float[] Mel26(float[] magnitude)
    {
        var bands = new float[26];
        new MelFilterbank(26, 20, 8000, 512, 16000).Apply(magnitude, bands);
        return bands;
    }

    [Fact]
    public void MelPowers_PrintAsOpenSmilesDebugLevel() =>
        Assert.Equal(1.0, PrintedEqualShare(Rows("mspec1"), Mel26));

    [Fact]
    public void Mfcc_PrintsAsOpenSmilesDebugLevel()
    {
        var mfcc = new Mfcc();
        Assert.Equal(1.0, PrintedEqualShare(Rows("mfcc"), m =>
        {
            var c = new float[15];
            mfcc.Apply(Mel26(m), c);
            return c;
        }));
    }

    [Fact]
    public void LogMelBands_PrintAsOpenSmilesDebugLevel()
    {
        var mel8 = new MelFilterbank(8, 20, 6500, 512, 16000);
        Assert.Equal(1.0, PrintedEqualShare(Rows("mspec2log"), m =>
        {
            var bands = new float[8];
            mel8.Apply(m, bands);
            for (int b = 0; b < 8; b++) bands[b] = MathF.Log(Math.Max(bands[b], 1e-12f));
            return bands;
        }));
    }

    [Fact]
    public void SeparateRisingWeights_DoNotPrintAsOpenSmile()
    {
        // Same float32 centres and bin mels; the rising slope gets its own weight.
        float lo = MelFilterbank.Mel(20), hi = MelFilterbank.Mel(8000);
        float step = (hi - lo) / 27;
        var c = new float[28];
        for (int i = 0; i < 28; i++) c[i] = lo + i * step;
        double share = PrintedEqualShare(Rows("mspec1"), magnitude =>
        {
            var bands = new float[26];
            for (int k = 2; k <= 255; k++)
            {
                float m = MelFilterbank.Mel(k * 31.25);
                int j = Array.FindLastIndex(c, v => v < m);
                if (j < 0 || j > 26) continue;
                float e = magnitude[k] * magnitude[k];
                if (j >= 1) bands[j - 1] += (c[j + 1] - m) / (c[j + 1] - c[j]) * e;
                if (j <= 25) bands[j] += (m - c[j]) / (c[j + 1] - c[j]) * e;
            }
            return bands;
        });
        Assert.True(share < 0.99, $"{share:P1} printed equal");
    }

    [Theory]
    [MemberData(nameof(LldReferenceFiles.HtkFixtures), MemberType = typeof(LldReferenceFiles))]
    public void MfccAndLogMel_EqualOpenSmilesHtkBitForBit(string name)
    {
        var (reference, ours) = LldReferenceFiles.HtkAndOurs(name);
        // mfcc_sma[0..14], logMelFreqBand_sma[0..7] (columns 1..23) and their deltas (39..61).
        int[] columns = [.. Enumerable.Range(1, 23), .. Enumerable.Range(39, 23)];
        int differing = LldReferenceFiles.BitsDiffering(ours, reference, columns), total = columns.Length * reference.GetLength(0);
        Assert.True(differing == 0, $"{name}: {differing} of {total} values differ");
    }
}
