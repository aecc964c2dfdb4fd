namespace SerAdapt.Cli.Tests;

/// <summary>Options are checked alike in every command, before any work.</summary>
public sealed class OptionCheckTests
{
    [Theory]
    [InlineData("predict", "--model", "m", "in.csv", "--normalize", "input", "-o", "p.csv")]
    [InlineData("extract", "a.wav", "--threds", "2", "-o", "f.arff")]
    public void MisspelledOption_IsRefusedAsAnOptionNotTakenAsAnInput(params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.NotEqual(0, code);
        Assert.Contains("unknown option '--", error);
    }

    [Fact]
    public void Bench_ThreadsZero_MeansAllCores()
    {
        var (code, _, error) = CliHarness.Run("bench", "--json", "--threads", "0", "--seconds", "0.01", "--mrd-batches", "0");
        Assert.True(code == 0, error);
    }
}

/// <summary>Inputs that deserve a word get one.</summary>
public sealed class InputWordTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-inputword").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Extract_EmptyWav_SaysEmptyFile()
    {
        string wav = Path.Combine(_dir, "empty.wav");
        File.WriteAllBytes(wav, []);
        var (code, stdout, error) = CliHarness.Run("extract", wav, "-o", Path.Combine(_dir, "f.arff"));
        Assert.Contains("empty file", stdout + error);
        Assert.DoesNotContain("not a RIFF", stdout + error);
    }
}
