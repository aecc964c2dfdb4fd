namespace SerAdapt.Data.Tests;

public class OpenSmileArffTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static FeatureTable Parse(string text) => OpenSmileArff.Read(new StringReader(text), "x.arff");

    private const string Header = "@relation openSMILE_features\n@attribute name string\n@attribute f1 numeric\n@attribute f2 numeric\n@attribute class numeric\n@data\n";

    [Fact]
    public void Read_OpenSmileIs10Output_Gives1582NamedFeatures()
    {
        var t = OpenSmileArff.Read(Fixture("psx_cards_001.IS10.arff"));
        Assert.Equal(1582, t.Dimension);
        Assert.Equal(["psx_cards_001"], t.Ids);
        Assert.Equal("pcm_loudness_sma_maxPos", t.FeatureNames[0]);
        Assert.Equal("F0final__Turn_duration", t.FeatureNames[^1]);
        Assert.Equal(60f, t.Values[0]);
        Assert.Equal(1.03f, t.Values[^1], 5);
        Assert.Null(t.Valence); // class is '?'
        Assert.Equal(1590, t.Lines[0]);
    }

    [Fact]
    public void Read_ArffAndCsvOfSameRun_Agree()
    {
        var arff = OpenSmileArff.Read(Fixture("psx_cards_001.IS10.arff"));
        var csv = OpenSmileCsv.Read(Fixture("psx_cards_001.IS10.csv"));
        Assert.Equal(arff.FeatureNames, csv.FeatureNames);
        Assert.Equal(arff.Ids, csv.Ids);
        Assert.Equal(arff.Values, csv.Values);
    }

    [Fact]
    public void Read_QuotedNameWithComma_KeepsName()
    {
        var t = Parse(Header + "'a, b',1,2,?\n\"c\",3,4,?\n");
        Assert.Equal(["a, b", "c"], t.Ids);
        Assert.Equal([1f, 2, 3, 4], t.Values);
    }

    [Fact]
    public void Read_CommentsAndBlankLines_AreSkipped()
    {
        var t = Parse("% made by hand\n\n" + Header.Replace("@data", "% note\n@data") + "\n% a comment\na,1,2,?\n\n");
        Assert.Single(t.Ids);
    }

    [Fact]
    public void Read_QuestionMark_IsMissing()
    {
        var t = Parse(Header + "a,?,2,?\n");
        Assert.True(float.IsNaN(t.Values[0]));
    }

    [Fact]
    public void Read_NumericClass_IsReadAsValence()
    {
        var t = Parse(Header + "a,1,2,3.5\nb,1,2,?\n");
        Assert.Equal(3.5f, t.Valence![0]);
        Assert.True(float.IsNaN(t.Valence[1]));
    }

    [Fact]
    public void Read_NominalClassAndQuotedAttributeName_AreHandled()
    {
        var t = Parse("@relation r\n@attribute name string\n@attribute 'f one' numeric\n@attribute class {neu,ang}\n@data\na,1,neu\n");
        Assert.Equal(["f one"], t.FeatureNames);
        Assert.Null(t.Valence);
    }

    [Fact]
    public void Read_AppendedDuplicateRun_DropsRepeatsWithWarning()
    {
        var t = Parse(Header + "a,1,2,?\n" + Header + "a,1,2,?\nb,3,4,?\n");
        Assert.Equal(["a", "b"], t.Ids);
        Assert.Contains(t.Warnings, w => w.Contains("appended duplicate runs") && w.Contains("x.arff"));
    }

    [Fact]
    public void Read_AppendedRunWithOtherAttributes_FailsNamingLine()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header + "a,1,2,?\n" + Header.Replace("f2", "g2") + "b,1,2,?\n"));
        Assert.Equal(13, ex.Line);
        Assert.Contains("different attributes", ex.Message);
    }

    [Fact]
    public void Read_DuplicateIdWithDifferentValues_FailsNamingBothLines()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header + "a,1,2,?\na,1,5,?\n"));
        Assert.StartsWith("x.arff:8:", ex.Message);
        Assert.Contains("first at line 7", ex.Message);
    }

    [Fact]
    public void Read_WrongNumberOfValues_FailsNamingLine()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header + "a,1,2,?\nb,1,?\n"));
        Assert.Equal(8, ex.Line);
        Assert.Contains("expected 4 values", ex.Message);
    }

    [Fact]
    public void Read_NonNumericValue_FailsNamingLineAndColumn()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header + "a,1,x2,?\n"));
        Assert.Equal((7, 3), (ex.Line, ex.Column));
        Assert.Contains("'f2'", ex.Message);
    }

    [Fact]
    public void Read_UnterminatedQuote_FailsNamingLine()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header + "'a,1,2,?\n"));
        Assert.Equal(7, ex.Line);
    }

    [Fact]
    public void Read_NoDataRows_FailsAsEmpty()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse(Header));
        Assert.Contains("no data rows", ex.Message);
    }

    [Fact]
    public void Read_DataBeforeHeader_Fails()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse("a,1,2\n"));
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Read_NoStringAttribute_Fails()
    {
        Assert.Throws<DataFormatException>(() => Parse("@relation r\n@attribute f1 numeric\n@data\n1\n"));
    }
}
