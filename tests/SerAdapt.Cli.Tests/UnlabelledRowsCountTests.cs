namespace SerAdapt.Cli.Tests;

/// <summary>Commands that leave out rows with an empty label say how many.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class UnlabelledRowsCountTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-unlabelled").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Tsne_TargetRowsWithEmptyLabel_AreCounted()
    {
        string target = SmallCsvCorpus.Write(_dir, "tgt", 0.5, unlabelled: 5);
        var (code, output, error) = ConsoleCapture.Run(["tsne", "--source", SmallCsvCorpus.Write(_dir, "src", 0), "--target", target,
            "-o", Path.Combine(_dir, "tsne"), "--max-points", "30", "--session", "session", .. SmallCsvCorpus.SmallTraining]);
        Assert.True(code == 0, error);
        Assert.Contains($"warning: {target}: 5 of 48 utterances have no valence label; they are left out of training and scoring.", output);
    }

    [Fact]
    public void Train_SourceRowsWithEmptyLabel_AreCounted()
    {
        string source = SmallCsvCorpus.Write(_dir, "src", 0, unlabelled: 3);
        var (code, output, error) = ConsoleCapture.Run(["train", "--method", "source-only", "--source", source,
            "--target", SmallCsvCorpus.Write(_dir, "tgt", 0.5), "-o", Path.Combine(_dir, "model"), .. SmallCsvCorpus.SmallTraining]);
        Assert.True(code == 0, error);
        Assert.Contains($"warning: {source}: 3 of 48 utterances have no valence label", output);
    }
}
