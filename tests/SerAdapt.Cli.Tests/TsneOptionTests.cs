namespace SerAdapt.Cli.Tests;

/// <summary><c>tsne --split</c> must fall inside the target's label scale; <c>--sessions</c> 0 is refused, 1 warned about.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TsneOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-tsne-options").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Tsne(params string[] extra) =>
        ConsoleCapture.Run(["tsne", "--source", SmallCsvCorpus.Write(_dir, "src", 0), "--target", SmallCsvCorpus.Write(_dir, "tgt", 0.5),
            "-o", Path.Combine(_dir, "tsne"), "--max-points", "30", "--session", "session", .. SmallCsvCorpus.SmallTraining, .. extra]);

    [Fact]
    public void Tsne_SplitOutsideLabelScale_IsRefusedBeforeTraining()
    {
        var (code, _, err) = Tsne("--split", "9");
        Assert.Equal(1, code);
        Assert.Contains("--split 9 is outside the target's valence scale 1-5", err);
        Assert.False(Directory.Exists(Path.Combine(_dir, "tsne")));
    }

    [Fact]
    public void Tsne_SessionsZero_IsRefused()
    {
        var (code, _, err) = Tsne("--sessions", "0");
        Assert.Equal(1, code);
        Assert.Contains("--sessions must be at least 1", err);
        Assert.False(Directory.Exists(Path.Combine(_dir, "tsne")));
    }

    [Fact]
    public void Tsne_SessionsOne_WarnsAndDrawsOneSession()
    {
        var (code, output, err) = Tsne("--sessions", "1", "--split", "3");
        Assert.True(code == 0, err);
        Assert.Contains("warning: --sessions 1 shows only the session of largest Source-only error", output);
        var shown = File.ReadAllLines(Path.Combine(_dir, "tsne", "sessions.csv")).Skip(1).Count(l => l.EndsWith(",true"));
        Assert.Equal(1, shown);
    }
}
