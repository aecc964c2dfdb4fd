using SerAdapt.Features.Egemaps;
using static SerAdapt.Features.Tests.Egemaps.EgemapsReference;

namespace SerAdapt.Features.Tests.Egemaps;

/// <summary>The streamed eGeMAPS frame stages give the same levels however the wave is cut into pieces.</summary>
public sealed class EgemapsStreamingTests
{
    [Theory]
    [InlineData("psx_cards_001", 1)]
    [InlineData("psx_cards_001", 159)]
    [InlineData("psx_librivox_0880", 961)]
    [InlineData("psx_librivox_0880", 7777)]
    [InlineData("psx_librivox_0880", 16384)]
    public void Push_AnyPieceSize_SameLevelsAndFunctionalsAsTheWholeWave(string name, int piece)
    {
        var x = LldReferenceFiles.ReadPcm16(PathOf(name, ".wav"));
        var whole = EgemapsLevelExtractor.Compute(x);
        var stream = EgemapsLevelExtractor.Start(x.Length);
        for (int at = 0; at < x.Length; at += piece) stream.Push(x.AsSpan(at, Math.Min(piece, x.Length - at)));
        var pieces = stream.Finish();
        Assert.Equal((whole.Short, whole.Long, whole.Pending), (pieces.Short, pieces.Long, pieces.Pending));
        Assert.Equal(whole.E, pieces.E);
        Assert.Equal(whole.F, pieces.F);
        Assert.Equal(whole.Energy, pieces.Energy);
        Assert.Equal(EgemapsFunctionals.Compute(whole), EgemapsFunctionals.Compute(pieces));
        Assert.Equal(EgemapsLld.Build(whole), EgemapsLld.Build(pieces));
    }

    [Fact]
    public void ExtractFile_Streamed_SameFunctionalsAsTheSamplesInMemory()
    {
        var path = PathOf("psx_librivox_0880", ".wav");
        var streamed = EgemapsExtractor.ExtractFile(path);
        Assert.Equal(EgemapsExtractor.Extract(LldReferenceFiles.ReadPcm16(path)), streamed.Functionals);
    }

    [Fact]
    public void Finish_BeforeTheDeclaredLength_FailsNamingTheFrame()
    {
        var stream = EgemapsLevelExtractor.Start(16000);
        stream.Push(new float[8000]);
        Assert.Contains("ended before frame", Assert.Throws<InvalidOperationException>(() => stream.Finish()).Message);
    }
}

/// <summary>A Viterbi that forgets each frame once read decides as one that keeps them all.</summary>
public sealed class PitchViterbiForgetTests
{
    [Fact]
    public void Forget_AfterEachRead_SameDecisionsAsKeepingEveryFrame()
    {
        // Long enough for several batches of forgotten frames, with voiced and unvoiced stretches.
        const int frames = 20000, c = EgemapsFrontEnd.Candidates;
        var random = new Random(21);
        var keep = new PitchViterbi(c, EgemapsFrontEnd.VoicingCutoff);
        var forget = new PitchViterbi(c, EgemapsFrontEnd.VoicingCutoff);
        var f0 = new float[c];
        var voicing = new float[c];
        var forgotten = new List<(float, float)>();
        for (int t = 0; t < frames; t++)
        {
            int count = (t / 300) % 3 == 2 ? random.Next(0, 2) : random.Next(1, c + 1);
            for (int i = 0; i < c; i++)
            {
                f0[i] = 80 + 200 * random.NextSingle();
                voicing[i] = random.NextSingle();
            }
            keep.Add(f0, voicing, count);
            forget.Add(f0, voicing, count);
            for (int decided = t + 1 - forget.Pending; forgotten.Count < decided;) forgotten.Add(forget.Result(forgotten.Count));
            forget.Forget(forgotten.Count);
        }
        forget.Flush();
        keep.Flush();
        while (forgotten.Count < frames) forgotten.Add(forget.Result(forgotten.Count));
        for (int t = 0; t < frames; t++) Assert.Equal(keep.Result(t), forgotten[t]);
        Assert.Throws<ArgumentOutOfRangeException>(() => forget.Result(0));
    }
}
