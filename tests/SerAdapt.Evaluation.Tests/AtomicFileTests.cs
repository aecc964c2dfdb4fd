using SerAdapt.Files;

namespace SerAdapt.Evaluation.Tests;

public class AtomicFileTests
{
    [Fact]
    public void Write_WriterFails_LeavesOldFileAndNoTemporary()
    {
        using var dir = new TempFolder();
        string path = Path.Combine(dir.Path, "report.csv");
        File.WriteAllText(path, "old");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, temp =>
        {
            File.WriteAllText(temp, "half");
            throw new IOException("disk full");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_ReplacesExistingFile()
    {
        using var dir = new TempFolder();
        string path = Path.Combine(dir.Path, "report.csv");
        File.WriteAllText(path, "old");
        AtomicFile.Write(path, temp => File.WriteAllText(temp, "new"));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
