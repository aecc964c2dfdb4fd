namespace SerAdapt.Features.Tests;

/// <summary>
/// pcm_loudness (openSMILE's cIntensity with the first-sample bug, P1) against openSMILE's exact
/// float32 LLDs: computed wholly in double (double Hamming weights and their double sum) and
/// rounded once, our smoothed loudness and its delta equal the .htk bit for bit. The float32
/// window of the FFT path with a float32 intensity (the old code) does not.
/// </summary>
public sealed class LoudnessParityTests
{
    [Theory]
    [MemberData(nameof(LldReferenceFiles.HtkFixtures), MemberType = typeof(LldReferenceFiles))]
    public void LoudnessAndDelta_EqualOpenSmilesHtkBitForBit(string name)
    {
        var (reference, ours) = LldReferenceFiles.HtkAndOurs(name);
        // pcm_loudness_sma is column 0, pcm_loudness_sma_de column 38.
        int loudness = LldReferenceFiles.BitsDiffering(ours, reference, [0]), delta = LldReferenceFiles.BitsDiffering(ours, reference, [38]);
        Assert.True(loudness == 0, $"{name}: {loudness} loudness values differ");
        Assert.True(delta == 0, $"{name}: {delta} loudness delta values differ");
    }

    [Fact]
    public void Float32WindowAndIntensity_DoNotEqualOpenSmile()
    {
        const string name = "psx_librivox_0880";
        var reference = LldReferenceFiles.ReadHtk(Path.Combine(LldReferenceFiles.FixturesDir, name, name + ".IS10_lld.htk"));
        var x = LldReferenceFiles.ReadPcm16(Path.Combine(LldReferenceFiles.FixturesDir, name, name + ".wav"));
        var hamming = Windows.Hamming(400);
        float sum = 0;
        foreach (var w in hamming) sum += w;
        int frames = reference.GetLength(0);
        var loudness = new float[frames + 1];
        for (int t = 0; t < loudness.Length; t++)
        {
            float intensity = x[160 * t] * x[160 * t] * hamming[0] / sum;
            loudness[t] = intensity > 0 ? (float)Math.Pow(intensity / 1e-6, 0.3) : 0f;
        }
        var smoothed = new float[frames];
        Smoothing.Sma(loudness, smoothed);
        int equal = 0;
        for (int t = 0; t < frames; t++)
            if (BitConverter.SingleToInt32Bits(smoothed[t]) == BitConverter.SingleToInt32Bits(reference[t, 0])) equal++;
        Assert.True(equal < 0.9 * frames, $"{equal} of {frames} equal");
    }
}
