using SerAdapt.Cli;

namespace SerAdapt.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extractcli").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Extract_BadFiles_ListsEachFailureAndExitsNonZero()
    {
        string text = Path.Combine(_dir, "sub", "text.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(text)!);
        File.WriteAllText(text, "not audio");
        string missing = Path.Combine(_dir, "missing.wav");
        string output = Path.Combine(_dir, "out.arff");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = CliApp.Run(CliHarness.Root(), ["extract", _dir, missing, "-o", output], stdout, stderr);

        Assert.Equal(1, code);
        Assert.StartsWith("2 files (0 ok, 2 failed)", stdout.ToString());
        Assert.Contains("2 files failed:", stderr.ToString());
        Assert.Contains(text, stderr.ToString());
        Assert.Contains(missing, stderr.ToString());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Extract_UnknownVariant_IsAParseError()
    {
        var stderr = new StringWriter();

        int code = CliApp.Run(CliHarness.Root(), ["extract", _dir, "-o", "x.arff", "--variant", "is09"], new StringWriter(), stderr);

        Assert.NotEqual(0, code);
        Assert.Contains("is09", stderr.ToString());
    }
}
