namespace SerAdapt.Features.Tests;

/// <summary>
/// <see cref="PitchJitter"/> against openSMILE's traced decisions (RULE.md of the reference): every
/// candidate, every raw row bit for bit, then the smoothed LLD columns of the whole pipeline.
/// </summary>
public sealed class JitterRuleTests
{
    private static bool SameBits(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);

    [Theory]
    [MemberData(nameof(JitterRuleReference.All), MemberType = typeof(JitterRuleReference))]
    public void Candidates_LagPeakThresholdAndDecision_EqualOpenSmilesTrace(string name, string variant)
    {
        var reference = JitterRuleReference.Load(name, variant);
        var (_, ours) = reference.Run(JitterRuleReference.Wave(name), variant);
        Assert.Equal(reference.Candidates.Length, ours.Count);
        for (int i = 0; i < ours.Count; i++)
            AssertCandidate(reference.Candidates[i], ours[i].Row, ours[i].Candidate, $"{name}.{variant} candidate {i}");
    }

    [Theory]
    [MemberData(nameof(JitterRuleReference.All), MemberType = typeof(JitterRuleReference))]
    public void Rows_ReadWindowAndOutputs_EqualOpenSmilesBitForBit(string name, string variant)
    {
        var reference = JitterRuleReference.Load(name, variant);
        var (ours, _) = reference.Run(JitterRuleReference.Wave(name), variant);
        for (int t = 0; t < ours.Count; t++) AssertRow(reference.Rows[t], ours[t], $"{name}.{variant} row {t}");
    }

    // Row 3 reads a single candidate "c" (h = 0.99971454833462658) whose float32 rounds up: as the
    // row's first candidate it is its own threshold and is rejected, so the row repeats row 2.
    // Row 5 meets the same candidate second, after "b" set the row minimum lower: accepted.
    [Theory]
    [InlineData(3, false)]
    [InlineData(5, true)]
    public void Sawtooth_SameCandidateRejectedFirstAcceptedSecond(int row, bool accepted)
    {
        var reference = JitterRuleReference.Load("syn_saw_150Hz_2s", "is10");
        var (rows, candidates) = reference.Run(JitterRuleReference.Wave("syn_saw_150Hz_2s"), "is10");
        var last = candidates.Last(c => c.Row == row).Candidate;
        Assert.Equal(0.99971454833462658, last.H);
        Assert.True((float)last.H > last.H);
        Assert.Equal(accepted, last.Accepted);
        AssertRow(reference.Rows[row], rows[row], $"row {row}");
        if (!accepted) Assert.Equal((rows[2].JitterLocal, rows[2].ShimmerLocal), (rows[3].JitterLocal, rows[3].ShimmerLocal));
    }

    // Row 148: the correlation is highest at hi - 1, which is not eligible; the lag is the best
    // strict local maximum inside [lo + 1, hi - 2].
    [Fact]
    public void EspeakRow148_GlobalMaximumAtHiMinusOne_IsNotChosen()
    {
        var reference = JitterRuleReference.Load("espeak_en_m_p50_s175", "is10");
        var (rows, candidates) = reference.Run(JitterRuleReference.Wave("espeak_en_m_p50_s175"), "is10");
        var expected = reference.Candidates.Where(c => JitterRuleReference.I(c["row"]) == 148).ToArray();
        var ours = candidates.Where(c => c.Row == 148).ToArray();
        Assert.Equal(expected.Length, ours.Length);
        for (int i = 0; i < ours.Length; i++) AssertCandidate(expected[i], 148, ours[i].Candidate, $"row 148 candidate {i}");
        int hi = JitterRuleReference.I(reference.Rows[148]["lag_hi"]);
        Assert.All(ours, c => Assert.True(c.Candidate.Lag <= hi - 2));
        AssertRow(reference.Rows[148], rows[148], "row 148");
    }

    // Row 227's only candidate lies past the end of its base length: the anchor stays, and row 228
    // walks the same candidate again, a difference of 0 (jitterLocal 0) that suppresses row 229's DDP
    // term (D > 0 is required): row 229 outputs jitterDDP = 0 and keeps the held DDP, which row 230,
    // without an accepted candidate, outputs again.
    [Fact]
    public void EspeakRows228To230_RepeatedCandidateThenHeldDdp()
    {
        var reference = JitterRuleReference.Load("espeak_en_m_p50_s175", "is10");
        var (rows, _) = reference.Run(JitterRuleReference.Wave("espeak_en_m_p50_s175"), "is10");
        foreach (int t in new[] { 227, 228, 229, 230 }) AssertRow(reference.Rows[t], rows[t], $"row {t}");
        Assert.Equal(rows[227].Anchor, rows[228].Anchor);
        Assert.Equal(0f, rows[228].JitterLocal);
        Assert.True(rows[229].JitterLocal > 0);
        Assert.Equal(0f, rows[229].JitterDdp);
        Assert.Equal(rows[228].JitterDdp, rows[230].JitterDdp);
    }

    // The whole pipeline (our F0, then noZeroSma) against openSMILE's exact float32 LLD file.
    [Theory]
    [MemberData(nameof(LldReferenceFiles.HtkFixtures), MemberType = typeof(LldReferenceFiles))]
    public void Lld_SmoothedJitterAndShimmer_EqualOpenSmilesHtk(string name)
    {
        var (reference, ours) = LldReferenceFiles.HtkAndOurs(name);
        var names = Is10FeatureNames.Lld.ToList();
        var columns = new[] { "jitterLocal_sma", "jitterDDP_sma", "shimmerLocal_sma", "jitterLocal_sma_de", "jitterDDP_sma_de", "shimmerLocal_sma_de" }
            .Select(n => names.IndexOf(n)).ToArray();
        Assert.Equal(0, LldReferenceFiles.BitsDiffering(reference, ours, columns));
    }

    // compat has no .htk: its LLD csv, printed as openSMILE prints.
    [Theory]
    [MemberData(nameof(CompatCsvFixtures))]
    public void LldCompat_SmoothedJitterAndShimmer_PrintAsOpenSmile(string name)
    {
        var dir = Path.Combine(LldReferenceFiles.FixturesDir, name);
        var lines = File.ReadAllLines(Path.Combine(dir, name + ".IS10compat_lld.csv")).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(';');
        var ours = Is10LldExtractor.Compute(LldReferenceFiles.ReadPcm16(Path.Combine(dir, name + ".wav")), Is10Variant.Is10Compat).Frames;
        Assert.Equal(lines.Length - 1, ours.GetLength(0));
        var names = Is10FeatureNames.Lld.ToList();
        foreach (var column in new[] { "jitterLocal_sma", "jitterDDP_sma", "shimmerLocal_sma", "jitterLocal_sma_de", "jitterDDP_sma_de", "shimmerLocal_sma_de" })
        {
            int c = names.IndexOf(column), field = Array.IndexOf(header, column);
            for (int t = 0; t < ours.GetLength(0); t++)
                Assert.True(lines[t + 1].Split(';')[field] == OpenSmileNumberFormat.Csv(ours[t, c]),
                    $"{name} {column} row {t}: {lines[t + 1].Split(';')[field]} vs {OpenSmileNumberFormat.Csv(ours[t, c])}");
        }
    }

    public static TheoryData<string> CompatCsvFixtures() =>
        [.. Directory.GetDirectories(LldReferenceFiles.FixturesDir).Select(Path.GetFileName).OfType<string>()
            .Where(n => File.Exists(Path.Combine(LldReferenceFiles.FixturesDir, n, n + ".IS10compat_lld.csv"))
                        && File.Exists(Path.Combine(LldReferenceFiles.FixturesDir, n, n + ".wav")))
            .Order(StringComparer.Ordinal)];

    private static void AssertCandidate(Dictionary<string, string> e, int row, JitterCandidate c, string where)
    {
        Assert.True(JitterRuleReference.I(e["row"]) == row, $"{where}: row {row}, openSMILE {e["row"]}");
        Assert.True(long.Parse(e["step_start"]) == c.Start, $"{where}: start {c.Start}, openSMILE {e["step_start"]}");
        if (e["kind"] == "nopeak")
        {
            Assert.True(c.Lag == 0, $"{where}: lag {c.Lag}, openSMILE found no peak");
            return;
        }
        Assert.True(JitterRuleReference.I(e["lag"]) == c.Lag, $"{where}: lag {c.Lag}, openSMILE {e["lag"]}");
        Assert.True(JitterRuleReference.D(e["cc_peak"]) == c.H, $"{where}: h {c.H:R}, openSMILE {e["cc_peak"]}");
        Assert.True(SameBits(JitterRuleReference.F(e["cc_peak_f32"]), (float)c.H), $"{where}: float32(h)");
        Assert.True(SameBits(JitterRuleReference.F(e["threshold"]), c.Threshold), $"{where}: threshold {c.Threshold:R}, openSMILE {e["threshold"]}");
        Assert.True((e["accepted"] == "1") == c.Accepted, $"{where}: accepted {c.Accepted}, openSMILE {e["accepted"]}");
        Assert.True(SameBits((float)JitterRuleReference.D(e["period_s"]), c.Period), $"{where}: period");
        Assert.True(SameBits(JitterRuleReference.F(e["amp1"]), c.Amp1) && SameBits(JitterRuleReference.F(e["amp2"]), c.Amp2), $"{where}: amplitudes");
    }

    private static void AssertRow(Dictionary<string, string> e, JitterRuleReference.OurRow r, string where)
    {
        Assert.True(long.Parse(e["anchor"]) == r.Anchor, $"{where}: anchor {r.Anchor}, openSMILE {e["anchor"]}");
        Assert.True(JitterRuleReference.I(e["carry"]) == r.Carry, $"{where}: carry {r.Carry}, openSMILE {e["carry"]}");
        Assert.True(JitterRuleReference.I(e["read_len"]) == r.ReadLength, $"{where}: read {r.ReadLength}, openSMILE {e["read_len"]}");
        Assert.True(SameBits(JitterRuleReference.F(e["jitterLocal"]), r.JitterLocal), $"{where}: jitterLocal {r.JitterLocal:R}, openSMILE {e["jitterLocal"]}");
        Assert.True(SameBits(JitterRuleReference.F(e["jitterDDP"]), r.JitterDdp), $"{where}: jitterDDP {r.JitterDdp:R}, openSMILE {e["jitterDDP"]}");
        Assert.True(SameBits(JitterRuleReference.F(e["shimmerLocal"]), r.ShimmerLocal), $"{where}: shimmerLocal {r.ShimmerLocal:R}, openSMILE {e["shimmerLocal"]}");
    }
}
