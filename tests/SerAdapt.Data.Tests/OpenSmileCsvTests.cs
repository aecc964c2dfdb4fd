namespace SerAdapt.Data.Tests;

public class OpenSmileCsvTests
{
    private static FeatureTable Parse(string text) => OpenSmileCsv.Read(new StringReader(text), "x.csv");

    private const string Header = "name;frameTime;f1;f2\n";

    [Fact]
    public void Read_QuotedNamesAndFrameTime_GiveIdsAndFeatures()
    {
        var t = Parse(Header + "'a;1';0.000000;1;2e-1\n'b';0.000000;3;4\n");
        Assert.Equal(["a;1", "b"], t.Ids);
        Assert.Equal(["f1", "f2"], t.FeatureNames);
        Assert.Equal([1f, 0.2f, 3, 4], t.Values);
        Assert.Equal([3, 4], t.FeatureFields!);
    }

    [Fact]
    public void Read_RepeatedHeaderOfAppendedRun_IsSkipped()
    {
        var t = Parse(Header + "'a';0;1;2\n" + Header + "'a';0;1;2\n'b';0;1;2\n");
        Assert.Equal(["a", "b"], t.Ids);
        Assert.Contains(t.Warnings, w => w.Contains("x.csv:3"));
    }

    [Fact]
    public void Read_NonNumericValue_FailsNamingLineAndColumn()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header + "'a';0;1;two\n"));
        Assert.Equal((2, 4), (ex.Line, ex.Column));
        Assert.Contains("'f2'", ex.Message);
    }

    [Fact]
    public void Read_MissingFields_FailsNamingLine()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header + "'a';0;1\n"));
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Read_HeaderNotOpenSmile_Fails()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse("id,f1\na,1\n"));
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void LooksLikeOpenSmile_DetectsHeader()
    {
        Assert.True(OpenSmileCsv.LooksLikeOpenSmile("name;frameTime;x"));
        Assert.False(OpenSmileCsv.LooksLikeOpenSmile("id,x"));
    }
}
