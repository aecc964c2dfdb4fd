namespace SerAdapt.Cli.Tests;

/// <summary>A generic CSV with a valence column, which <c>train</c> accepts, is accepted by <c>experiment</c> and <c>tsne</c> too.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class GenericCsvEveryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-generic").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Corpus(string name, double shift) => SmallCsvCorpus.Write(_dir, name, shift);

    private static readonly string[] Small = SmallCsvCorpus.SmallTraining;

    [Fact]
    public void Experiment_GenericCsvWithValenceColumn_Runs()
    {
        var (code, _, error) = ConsoleCapture.Run(["experiment", "--corpora", Corpus("src", 0), Corpus("tgt", 0.5), "--methods", "source-only",
            "--repeats", "1", "-o", Path.Combine(_dir, "exp"), .. Small]);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(_dir, "exp", "results.csv")));
    }

    [Fact]
    public void Tsne_GenericCsvWithValenceColumn_Runs()
    {
        var (code, _, error) = ConsoleCapture.Run(["tsne", "--source", Corpus("src", 0), "--target", Corpus("tgt", 0.5),
            "-o", Path.Combine(_dir, "tsne"), "--max-points", "30", "--session", "session", .. Small]);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(_dir, "tsne", "sessions.csv")));
    }
}
