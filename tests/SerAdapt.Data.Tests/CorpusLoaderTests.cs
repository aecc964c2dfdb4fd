namespace SerAdapt.Data.Tests;

public class CorpusLoaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void Load_EveryFormat_GivesACorpus()
    {
        using var folder = new TempFolder();
        CorpusFile.Write(TestCorpora.Small("pq"), folder["c.parquet"]);
        string csv = folder.File("g.csv", "utt;v;x;y\nu1;3;1;2\nu2;4;3;4\n");
        Assert.Equal("pq", CorpusLoader.Load(folder["c.parquet"]).Name);
        Assert.Equal(1582, CorpusLoader.Load(Fixture("psx_cards_001.IS10.arff")).Dimension);
        Assert.Equal(1582, CorpusLoader.Load(Fixture("psx_cards_001.IS10.csv")).Dimension);
        var g = CorpusLoader.Load(csv, new GenericCsvOptions(IdColumn: "utt", LabelColumn: "v"));
        Assert.Equal(["x", "y"], g.FeatureNames);
        Assert.Equal([3f, 4f], g.Valence);
    }

    [Fact]
    public void ReadFeatures_FolderOfPerUtteranceFiles_Concatenates()
    {
        using var folder = new TempFolder();
        FakeCorpora.Arff(folder, ["a", "b"], "f/one.arff");
        FakeCorpora.Arff(folder, ["c"], "f/two.arff");
        var t = CorpusLoader.ReadFeatures(folder["f"]);
        Assert.Equal(["a", "b", "c"], t.Ids);
    }

    [Fact]
    public void ReadFeatures_FolderWithRepeatedUtterance_FailsNamingFile()
    {
        using var folder = new TempFolder();
        FakeCorpora.Arff(folder, ["a"], "f/one.arff");
        FakeCorpora.Arff(folder, ["a"], "f/two.arff");
        var ex = Assert.Throws<DataFormatException>(() => CorpusLoader.ReadFeatures(folder["f"]));
        Assert.Contains("two.arff", ex.Message);
    }

    [Fact]
    public void CheckCompatible_DifferentDimension_NamesBothFiles()
    {
        var ex = Assert.Throws<FeatureMismatchException>(() =>
            CorpusLoader.CheckCompatible(TestCorpora.Small(), "s.parquet", TestCorpora.Small("t", ["a", "b"]), "t.arff"));
        Assert.Contains("s.parquet has 3", ex.Message);
        Assert.Contains("t.arff has 2", ex.Message);
    }

    [Fact]
    public void CheckCompatible_DifferentName_NamesFirstDifference()
    {
        var ex = Assert.Throws<FeatureMismatchException>(() =>
            CorpusLoader.CheckCompatible(TestCorpora.Small(), "s.parquet", TestCorpora.Small("t", ["a", "B", "C"]), "t.csv"));
        Assert.Contains("Feature 2 differs", ex.Message);
        Assert.Contains("'b'", ex.Message);
        Assert.Contains("'B'", ex.Message);
        Assert.Contains("t.csv", ex.Message);
    }

    [Fact]
    public void CheckCompatible_SameFeatures_Passes() =>
        CorpusLoader.CheckCompatible(TestCorpora.Small(), "s", TestCorpora.Small("t"), "t");

    [Fact]
    public void Load_MissingFile_FailsNamingPath()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => CorpusLoader.Load("/no/such/file.arff"));
        Assert.Contains("/no/such/file.arff", ex.Message);
    }
}
