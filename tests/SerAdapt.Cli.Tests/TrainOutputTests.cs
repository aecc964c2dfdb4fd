using System.Globalization;
using System.Text;

namespace SerAdapt.Cli.Tests;

/// <summary><c>train</c> checks its output folder before spending the training time on it.</summary>
public sealed class TrainOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-trainout").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Corpus(string name)
    {
        var text = new StringBuilder("id,session,valence,f0,f1\n");
        for (int i = 0; i < 40; i++) text.Append(CultureInfo.InvariantCulture, $"{name}{i},s{i % 2},{1 + i % 5},{i * 0.1:R},{(i % 7) * 0.3:R}\n");
        string path = Path.Combine(_dir, name + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Train_OutputUnderAFile_FailsBeforeTheFirstEpoch()
    {
        string blocker = Path.Combine(_dir, "blocker");
        File.WriteAllText(blocker, "not a folder");
        string output = Path.Combine(blocker, "model");
        var (code, stdout, error) = CliHarness.Run("train", "--method", "source-only", "--source", Corpus("a"), "--target", Corpus("b"),
            "-o", output, "--epochs", "2", "--width", "8", "--encoder-layers", "1", "--batch-size", "16");
        Assert.NotEqual(0, code);
        Assert.DoesNotContain("epoch 1/", stdout);
        Assert.Contains(output, error);
    }

    [Fact]
    public void Train_SourceAndTargetSameFile_Warns()
    {
        string corpus = Corpus("a");
        var (code, stdout, error) = CliHarness.Run("train", "--method", "source-only", "--source", corpus, "--target", corpus,
            "-o", Path.Combine(_dir, "model"), "--epochs", "1", "--width", "8", "--encoder-layers", "1", "--batch-size", "16");
        Assert.True(code == 0, error);
        Assert.Contains("warning: the source and the target are the same file", stdout);
    }
}
