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
