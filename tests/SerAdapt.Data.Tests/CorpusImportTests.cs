namespace SerAdapt.Data.Tests;

public class CorpusImportTests
{
    [Fact]
    public void Join_IemocapTree_KeepsLabelledRowsAndCountsTheRest()
    {
        using var folder = new TempFolder();
        var turns = FakeCorpora.Iemocap(folder);
        // Features for all turns but the last, plus one row nobody labelled; names as openSMILE -instname of the wav path.
        var names = turns.SkipLast(1).Select(t => $"wav/{t.Turn}.wav").Append("Ses09F_impro01_F000").ToList();
        var table = OpenSmileArff.Read(FakeCorpora.Arff(folder, names));
        var (corpus, summary) = CorpusImport.Join(table, IemocapLabels.Read(folder.Path), "IEMOCAP", NonFinitePolicy.Fail);
        Assert.Equal(turns.Count - 1, corpus.Count);
        Assert.Equal(1, summary.RowsWithoutLabels);
        Assert.Equal(1, summary.LabelsWithoutRows);
        Assert.Equal(4, summary.Speakers);
        Assert.Equal(2, summary.Sessions);
        double mean = turns.SkipLast(1).Average(t => t.V);
        Assert.Equal(mean, summary.ValenceMean, 5);
        Assert.Equal(turns[0].Turn, corpus.Ids[0]);
        Assert.Equal(0.1f, corpus.Features[0]);
    }

    [Fact]
    public void Join_MspImprovLabelsWithWavNamedRows_Match()
    {
        using var folder = new TempFolder();
        var items = FakeCorpora.MspImprov(folder);
        var table = OpenSmileArff.Read(FakeCorpora.Arff(folder, items.Select(i => i.Id + ".wav")));
        var (corpus, summary) = CorpusImport.Join(table, MspImprovLabels.Read(folder.Path), "MSP-IMPROV", NonFinitePolicy.Fail);
        Assert.Equal(items.Count, corpus.Count);
        Assert.Equal(items.Select(i => i.V), corpus.Valence);
        Assert.Equal(2, summary.Sessions);
    }

    [Fact]
    public void Join_NoMatchingRows_FailsNamingLabelAndFeatureFiles()
    {
        using var folder = new TempFolder();
        FakeCorpora.MspImprov(folder);
        var features = FakeCorpora.Arff(folder, ["other1", "other2"]);
        var ex = Assert.Throws<InvalidDataException>(() =>
            CorpusImport.Join(OpenSmileArff.Read(features), MspImprovLabels.Read(folder.Path), "MSP", NonFinitePolicy.Fail));
        Assert.Contains("Evaluation.txt", ex.Message);
        Assert.Contains(features, ex.Message);
    }

    [Fact]
    public void Join_LabelFileWithoutFeatureRows_IsNamedInWarning()
    {
        using var folder = new TempFolder();
        var turns = FakeCorpora.Iemocap(folder);
        var table = OpenSmileArff.Read(FakeCorpora.Arff(folder, turns.Where(t => t.Turn.StartsWith("Ses01")).Select(t => t.Turn)));
        var (_, summary) = CorpusImport.Join(table, IemocapLabels.Read(folder.Path), "IEMOCAP", NonFinitePolicy.Fail);
        Assert.Contains(summary.Warnings, w => w.Contains("Ses02F_impro01.txt"));
    }

    [Fact]
    public void Join_SameUtteranceTwiceUnderDifferentNames_Fails()
    {
        using var folder = new TempFolder();
        var turns = FakeCorpora.Iemocap(folder, 1);
        var table = OpenSmileArff.Read(FakeCorpora.Arff(folder, [turns[0].Turn, turns[0].Turn + ".wav"]));
        var ex = Assert.Throws<DataFormatException>(() => CorpusImport.Join(table, IemocapLabels.Read(folder.Path), "I", NonFinitePolicy.Fail));
        Assert.Contains("appears twice", ex.Message);
    }

    [Fact]
    public void Join_DuplicateLabel_FailsNamingBothPlaces()
    {
        var labels = new List<UtteranceLabel>
        {
            new("u", 3, 3, 3, "s", "1", "F", "a.txt", 2),
            new("u", 3, 3, 3, "s", "1", "F", "b.txt", 5),
        };
        var table = new FeatureTable("f.arff", ["u"], [1], ["x"], [1f]);
        var ex = Assert.Throws<DataFormatException>(() => CorpusImport.Join(table, labels, "c", NonFinitePolicy.Fail));
        Assert.StartsWith("b.txt:5:", ex.Message);
        Assert.Contains("a.txt:2", ex.Message);
    }

    [Fact]
    public void Join_NaNOnlyInDroppedUnlabelledRow_Succeeds()
    {
        var labels = new List<UtteranceLabel> { new("u", 3, 3, 3, "s", "1", "F", "a.txt", 2) };
        var table = new FeatureTable("f.arff", ["u", "unlabelled"], [1, 2], ["x"], [1f, float.NaN]);
        var (corpus, summary) = CorpusImport.Join(table, labels, "c", NonFinitePolicy.Fail);
        Assert.Equal([1f], corpus.Features);
        Assert.Equal(1, summary.RowsWithoutLabels);
    }

    [Fact]
    public void FromTable_NaNFeature_FailsNamingLineAndFeature()
    {
        var t = OpenSmileArff.Read(new StringReader("@relation r\n@attribute name string\n@attribute f1 numeric\n@attribute f2 numeric\n@data\na,1,2\nb,1,nan\n"), "n.arff");
        var ex = Assert.Throws<NonFiniteFeatureException>(() => CorpusImport.FromTable(t, "c", NonFinitePolicy.Fail));
        Assert.Equal(("n.arff", 7, 3), (ex.File, ex.Line, ex.Column));
        Assert.Contains("'f2'", ex.Message);
        Assert.DoesNotContain("--impute", ex.Message);
        Assert.Contains("--impute mean", ex.WithImputeHint().Message);
    }

    [Fact]
    public void FromTable_InfFeatureWithImputeMean_ReplacesByMeanAndWarns()
    {
        var t = OpenSmileArff.Read(new StringReader("@relation r\n@attribute name string\n@attribute f1 numeric\n@data\na,1\nb,inf\nc,3\n"), "n.arff");
        var (corpus, summary) = CorpusImport.FromTable(t, "c", NonFinitePolicy.ImputeMean);
        Assert.Equal([1f, 2, 3], corpus.Features);
        Assert.Contains(summary.Warnings, w => w.Contains("'f1'"));
    }

    [Theory]
    [InlineData("dir/Ses01F_impro01_F000.wav", "Ses01F_impro01_F000")]
    [InlineData("UTD-IMPROV-S01A-F01-P-FM01.avi", "MSP-IMPROV-S01A-F01-P-FM01")]
    [InlineData("MSP-IMPROV-S01A-F01-P-FM01", "MSP-IMPROV-S01A-F01-P-FM01")]
    public void Key_StripsFolderExtensionAndMapsMspPrefix(string id, string key) => Assert.Equal(key, CorpusImport.Key(id));

    [Fact]
    public void Join_CategoryCorpus_KeepsCategoriesMappedLabelsAndScale()
    {
        using var folder = new TempFolder();
        var labels = CategoryMap.Default.Apply(RavdessLabels.Read(FakeEmotionCorpora.Ravdess(folder), includeSong: false));
        var table = OpenSmileArff.Read(FakeCorpora.Arff(folder, labels.Select(l => l.Id + ".wav").Append("03-02-05-01-01-01-01")));
        var (corpus, summary) = CorpusImport.Join(table, labels, "RAVDESS", NonFinitePolicy.Fail, LabelScales.Uniform(CategoryMap.Scale));
        Assert.Equal(["neutral", "calm", "anger", "happiness", "surprise"], corpus.Categories);
        Assert.Equal([3.0f, 3.5f, 1.5f, 4.5f, 3.0f], corpus.Valence);
        Assert.Equal(LabelScales.OneToFive, corpus.Scales);
        Assert.Equal(1, summary.RowsWithoutLabels);
        Assert.Equal(2, summary.Speakers);
        Assert.Equal(5, summary.Categories.Count);
        Assert.DoesNotContain("dominance", summary.ToString()); // all missing: no line
    }
}
