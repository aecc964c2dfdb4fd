namespace SerAdapt.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("comparecli").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Arff(string name, params string[] rows)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, "@relation openSMILE_features\n\n@attribute name string\n@attribute pcm_loudness_sma_amean numeric\n"
            + "@attribute mfcc_sma[0]_amean numeric\n@attribute mfcc_sma[1]_amean numeric\n@attribute class numeric\n\n@data\n\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    [Fact]
    public void Compare_ReportsAgreementPerInstanceAndFamily_AndWritesCsv()
    {
        string reference1 = Arff("r1.arff", "'one',1.0,2.0,0.5,?");
        string reference2 = Arff("r2.arff", "'two',3.0,4.0,0.5,?");
        string candidate = Arff("ours.arff", "'one',1.0,2.0,0.5,?", "'two',3.0,4.5,0.5,?");
        string report = Path.Combine(_dir, "report.csv");

        var (code, output, _) = CliHarness.Run("compare", "-r", reference1, reference2, "-c", candidate, "--report", report);

        Assert.Equal(0, code);
        Assert.Contains("Compared 2 instances x 3 features = 6 values", output);
        Assert.Contains("Within tolerance: 83.33 % (5 of 6 values).", output);
        Assert.Matches(@"two\s+66\.7 %", output);
        Assert.Matches(@"mfcc\s+75\.0 %  of 4", output);
        Assert.Contains("two  mfcc_sma[0]_amean  reference 4  candidate 4.5", output);
        Assert.Equal(4, File.ReadAllLines(report).Length);
    }

    [Fact]
    public void Compare_BelowMinPercent_ExitsWithOne()
    {
        string reference = Arff("r.arff", "'one',1.0,2.0,1.0,?");
        string candidate = Arff("c.arff", "'one',1.0,3.0,2.0,?");

        var (code, _, err) = CliHarness.Run("compare", "-r", reference, "-c", candidate, "--min-percent", "99");

        Assert.Equal(1, code);
        Assert.Contains("33.33 % of the values are within tolerance, below --min-percent 99", err);
    }

    [Fact]
    public void Compare_MissingFile_FailsWithItsPath()
    {
        string missing = Path.Combine(_dir, "none.arff");

        var (code, _, err) = CliHarness.Run("compare", "-r", missing, "-c", missing);

        Assert.Equal(1, code);
        Assert.Contains(missing, err);
    }
}
