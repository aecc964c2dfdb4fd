using System.Globalization;
using System.Text;

namespace SerAdapt.Cli.Tests;

/// <summary>A generic CSV with a valence column, which <c>train</c> accepts, is accepted by <c>experiment</c> and <c>tsne</c> too.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class GenericCsvEveryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-generic").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Corpus(string name, double shift)
    {
        var rng = new Random(name.Length + (int)(shift * 10));
        var text = new StringBuilder("id,session,valence,f0,f1,f2\n");
        for (int i = 0; i < 48; i++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"{name}{i},s{i % 3},{1 + 4 * a:R},{a + shift:R},{b:R},{a * b:R}\n");
        }
        string path = Path.Combine(_dir, name + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static readonly string[] Small =
        ["--epochs", "1", "--width", "8", "--encoder-layers", "1", "--regressor-layers", "1", "--mrd-r1-layers", "1", "--mrd-r2-layers", "1",
         "--batch-size", "16", "--selection", "fixed", "--threads", "1"];

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
