namespace SerAdapt.Features.Tests;

/// <summary>The streamed frame pipeline gives the same LLDs however the wave is cut into pieces.</summary>
public sealed class StreamingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(159)]
    [InlineData(961)]
    [InlineData(7777)]
    public void Push_AnyPieceSize_SameLldsAsTheWholeWave(int piece)
    {
        var x = LldReferenceFiles.ReadPcm16(Path.Combine(LldReferenceFiles.FixturesDir, "psx_cards_001", "psx_cards_001.wav"));
        var whole = Is10LldExtractor.Compute(x, Is10Variant.Is10);
        var stream = Is10LldExtractor.Start(Is10Variant.Is10, x.Length);
        for (int at = 0; at < x.Length; at += piece) stream.Push(x.AsSpan(at, Math.Min(piece, x.Length - at)));
        var pieces = stream.Finish();
        Assert.Equal(whole.Frames, pieces.Frames);
        Assert.Equal(whole.F0FinalUnsmoothed, pieces.F0FinalUnsmoothed);
    }

    [Fact]
    public void Finish_BeforeTheDeclaredLength_FailsNamingTheFrame()
    {
        var stream = Is10LldExtractor.Start(Is10Variant.Is10, 16000);
        stream.Push(new float[8000]);
        Assert.Contains("ended before frame", Assert.Throws<InvalidOperationException>(() => stream.Finish()).Message);
    }

    [Fact]
    public void ExtractFile_ReportsProgressUpToTheWholeDuration()
    {
        var path = Path.Combine(LldReferenceFiles.FixturesDir, "psx_librivox_0880", "psx_librivox_0880.wav");
        var reports = new List<(double Done, double Total)>();
        var extraction = Is10Extractor.ExtractFile(path, Is10Variant.Is10, (done, total) => reports.Add((done, total)));
        Assert.NotEmpty(reports);
        Assert.Equal(extraction.DurationSeconds, reports[^1].Done);
        Assert.All(reports, r => Assert.Equal(extraction.DurationSeconds, r.Total));
    }
}
