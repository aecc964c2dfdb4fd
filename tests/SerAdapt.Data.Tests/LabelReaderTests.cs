namespace SerAdapt.Data.Tests;

public class LabelReaderTests
{
    [Fact]
    public void Iemocap_FakeTree_ReadsSummaryLinesWithSpeakerFromLastPart()
    {
        using var folder = new TempFolder();
        var expected = FakeCorpora.Iemocap(folder);
        var labels = IemocapLabels.Read(folder.Path);
        Assert.Equal(expected.Select(e => e.Turn), labels.Select(l => l.Id));
        var m = labels.Single(l => l.Id == "Ses01F_impro01_M001");
        Assert.Equal(("Ses01M", "1", "M"), (m.Speaker, m.Session, m.Gender));
        Assert.Equal((2.25f, 2.5f, 3f), (m.Valence, m.Arousal, m.Dominance));
        Assert.Equal(8, m.Line);
    }

    [Fact]
    public void Iemocap_MalformedSummaryLine_FailsNamingFileAndLine()
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            IemocapLabels.Read(new StringReader("[1.0 - 2.0]\tSes01F_impro01_F000\tneu\n"), "e.txt", LabelScale.OneToFive));
        Assert.StartsWith("e.txt:1:", ex.Message);
    }

    [Fact]
    public void Iemocap_ValenceOutOfRange_FailsNamingFileAndLine()
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            IemocapLabels.Read(new StringReader("\n[1.0 - 2.0]\tSes01F_impro01_F000\tneu\t[5.5000, 2.0000, 2.0000]\n"), "e.txt", LabelScale.OneToFive));
        Assert.Equal(2, ex.Line);
        Assert.Contains("valence 5.5000", ex.Message);
    }

    [Fact]
    public void Iemocap_NoLabelFiles_FailsNamingRoot()
    {
        using var folder = new TempFolder();
        var ex = Assert.Throws<FileNotFoundException>(() => IemocapLabels.Read(folder.Path));
        Assert.Contains(folder.Path, ex.Message);
    }

    [Fact]
    public void MspImprov_ReadsAValDOrderAndSpeakerSession()
    {
        using var folder = new TempFolder();
        var expected = FakeCorpora.MspImprov(folder);
        var labels = MspImprovLabels.Read(folder.Path);
        Assert.Equal(expected.Count, labels.Count);
        var first = labels[0];
        Assert.Equal("MSP-IMPROV-S01A-F01-P-FM00", first.Id);
        Assert.Equal((4f, 2f, 3f), (first.Valence, first.Arousal, first.Dominance));
        Assert.Equal(("F01", "1", "F"), (first.Speaker, first.Session, first.Gender));
        Assert.Equal(("M02", "2"), (labels[3].Speaker, labels[3].Session));
    }

    [Fact]
    public void MspImprov_MisspelledEvalutionFile_IsFound()
    {
        using var folder = new TempFolder();
        FakeCorpora.MspImprov(folder, "Evalution.txt");
        Assert.NotEmpty(MspImprovLabels.Read(folder.Path));
    }

    [Fact]
    public void MspImprov_NaN_IsMissingLabel()
    {
        var labels = MspImprovLabels.Read(new StringReader("UTD-IMPROV-S01A-F01-P-FM01.avi; A; A:3.0; V:NaN; D:2.0 ; N:3.0;\n"), "Evaluation.txt", LabelScale.OneToFive);
        Assert.True(float.IsNaN(labels[0].Valence));
        Assert.Equal(3f, labels[0].Arousal);
    }

    [Fact]
    public void MspImprov_ValueOutOfRange_FailsNamingLineAndColumn()
    {
        var ex = Assert.Throws<DataFormatException>(() => MspImprovLabels.Read(
            new StringReader("x\nUTD-IMPROV-S01A-F01-P-FM01.avi; A; A:3.0; V:6.0; D:2.0 ; N:3.0;\n"), "Evaluation.txt", LabelScale.OneToFive));
        Assert.Equal(2, ex.Line);
        Assert.Equal(45, ex.Column);
        Assert.Contains("V value 6.0", ex.Message);
    }

    [Fact]
    public void MspImprov_MalformedLine_FailsNamingLine()
    {
        var ex = Assert.Throws<DataFormatException>(() => MspImprovLabels.Read(
            new StringReader("UTD-IMPROV-S01A-F01-P-FM01.avi; A; V:3.0; A:6.0;\n"), "Evaluation.txt", LabelScale.OneToFive));
        Assert.StartsWith("Evaluation.txt:1:", ex.Message);
    }

    [Fact]
    public void MspImprov_NonNumericValue_FailsNamingLine()
    {
        var ex = Assert.Throws<DataFormatException>(() => MspImprovLabels.Read(
            new StringReader("UTD-IMPROV-S01A-F01-P-FM01.avi; A; A:high; V:3.0; D:2.0 ; N:3.0;\n"), "Evaluation.txt", LabelScale.OneToFive));
        Assert.Contains("A value 'high' is not a number", ex.Message);
    }
}
