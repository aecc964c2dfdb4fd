namespace SerAdapt.Data.Tests;

/// <summary>
/// A repeated utterance id whose features are identical (an appended openSMILE run) is dropped, but not
/// when its label differs: that conflict is an error naming both lines.
/// </summary>
public class DuplicateIdLabelTests
{
    private const string ArffHeader = "@relation openSMILE_features\n@attribute name string\n@attribute f1 numeric\n@attribute f2 numeric\n@attribute class numeric\n@data\n";

    [Fact]
    public void GenericCsv_SameFeaturesOtherLabel_FailsNamingBothLines()
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            GenericCsv.Read(new StringReader("id,valence,x\nu1,2,1\nu2,3,5\nu1,4,1\n"), "g.csv", new GenericCsvOptions(LabelColumn: "valence")));
        Assert.StartsWith("g.csv:4:", ex.Message);
        Assert.Contains("duplicate utterance id 'u1' with label 4 here and 2 at line 2", ex.Message);
    }

    [Fact]
    public void GenericCsv_SameFeaturesLabelAndEmptyLabel_Fails()
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            GenericCsv.Read(new StringReader("id,valence,x\nu1,2,1\nu1,,1\n"), "g.csv", new GenericCsvOptions(LabelColumn: "valence")));
        Assert.Contains("label empty here and 2 at line 2", ex.Message);
    }

    [Fact]
    public void GenericCsv_IdenticalRowTwice_IsDroppedWithWarning()
    {
        var table = GenericCsv.Read(new StringReader("id,valence,x\nu1,2,1\nu1,2,1\n"), "g.csv", new GenericCsvOptions(LabelColumn: "valence"));
        Assert.Equal(["u1"], table.Ids);
        Assert.Equal([2f], table.Valence!);
        Assert.Contains(table.Warnings, w => w.Contains("dropped 1 repeated instance"));
    }

    [Fact]
    public void Arff_SameFeaturesOtherClass_FailsNamingBothLines()
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            OpenSmileArff.Read(new StringReader(ArffHeader + "a,1,2,3\na,1,2,4\n"), "x.arff"));
        Assert.StartsWith("x.arff:8:", ex.Message);
        Assert.Contains("with label 4 here and 3 at line 7", ex.Message);
    }
}
