namespace SerAdapt.Cli.Tests;

/// <summary>The '--impute mean' hint of a NaN feature appears only in commands that have that option.</summary>
public sealed class ImputeHintTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-impute").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Csv(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Train_NaNFeature_ErrorDoesNotSuggestImpute()
    {
        string source = Csv("src.csv", "id,valence,x\nu1,3,1\nu2,2,nan\n");
        string target = Csv("tgt.csv", "id,valence,x\nt1,3,1\nt2,2,2\n");
        var (code, _, err) = CliHarness.Run("train", "--method", "source-only", "--source", source, "--target", target, "-o", Path.Combine(_dir, "model"));
        Assert.Equal(1, code);
        Assert.Contains("src.csv:3:3: feature 'x' of 'u2' is missing or not finite", err);
        Assert.DoesNotContain("--impute", err);
    }

    [Fact]
    public void ImportCsv_NaNFeature_ErrorSuggestsImpute()
    {
        string csv = Csv("g.csv", "id,x\nu1,1\nu2,nan\n");
        var (code, _, err) = CliHarness.Run("import", "csv", csv, "-o", Path.Combine(_dir, "out.parquet"));
        Assert.Equal(1, code);
        Assert.Contains("g.csv:3:2: feature 'x' of 'u2' is missing or not finite", err);
        Assert.Contains("; use --impute mean to replace such values by the feature mean.", err);
    }
}
