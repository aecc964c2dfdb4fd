namespace SerAdapt.Data.Tests;

public class GenericCsvTests
{
    private static FeatureTable Parse(string text, GenericCsvOptions? options = null) =>
        GenericCsv.Read(new StringReader(text), "g.csv", options ?? new GenericCsvOptions());

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public void Read_DelimiterIsDetected(string delimiter)
    {
        string text = string.Join(delimiter, "utt", "spk", "val", "x", "y") + "\n" + string.Join(delimiter, "u1", "A", "3.5", "1.5", "2") + "\n";
        var t = Parse(text, new GenericCsvOptions(IdColumn: "utt", LabelColumn: "val", SpeakerColumn: "spk"));
        Assert.Equal(["x", "y"], t.FeatureNames);
        Assert.Equal([1.5f, 2], t.Values);
        Assert.Equal([3.5f], t.Valence!);
        Assert.Equal(["A"], t.Speakers!);
    }

    [Fact]
    public void Read_TextColumns_AreIgnoredWithWarning()
    {
        var t = Parse("id,emotion,x\nu1,ang,1\nu2,neu,2\n");
        Assert.Equal(["x"], t.FeatureNames);
        Assert.Contains(t.Warnings, w => w.Contains("'emotion'"));
        Assert.Null(t.Valence);
    }

    [Fact]
    public void Read_EmptyFirstValues_ColumnKindComesFromTheFirstNonEmptyValue()
    {
        // pandas writes NaN as an empty field: x is a feature with a missing first value, note a text column.
        var t = Parse("id,x,note,y\nu1,,,1\nu2,2.5,,2\nu3,3,loud,3\n");
        Assert.Equal(["x", "y"], t.FeatureNames);
        Assert.True(float.IsNaN(t.Values[0]));
        Assert.Equal([1f, 2.5f, 2, 3, 3], t.Values.Skip(1));
        Assert.Equal(["u1", "u2", "u3"], t.Ids);
        Assert.Contains(t.Warnings, w => w.Contains("non-numeric") && w.Contains("'note'"));
    }

    [Fact]
    public void Read_ColumnEmptyInEveryRow_IsIgnoredWithWarning()
    {
        var t = Parse("id,x,blank\nu1,1,\nu2,2,\n");
        Assert.Equal(["x"], t.FeatureNames);
        Assert.Equal([1f, 2], t.Values);
        Assert.Contains(t.Warnings, w => w.Contains("'blank'") && w.Contains("empty in every row"));
    }

    [Fact]
    public void Read_MissingFeature_FailsUnderTheFailPolicyNamingLineAndColumn()
    {
        var t = Parse("id,x,y\nu1,1,2\nu2,,3\n");
        var ex = Assert.Throws<NonFiniteFeatureException>(() => t.HandleNonFinite(NonFinitePolicy.Fail));
        Assert.Contains("'x'", ex.Message);
        Assert.Contains(":3:2", ex.Message);
    }

    [Fact]
    public void Read_EmptyLabel_IsMissing()
    {
        var t = Parse("id,v,x\nu1,,1\n", new GenericCsvOptions(LabelColumn: "v"));
        Assert.True(float.IsNaN(t.Valence![0]));
    }

    [Fact]
    public void Read_UnknownColumn_FailsListingHeader()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse("id,x\nu1,1\n", new GenericCsvOptions(LabelColumn: "valence")));
        Assert.Contains("no column 'valence' (--label)", ex.Message);
        Assert.Contains("'id', 'x'", ex.Message);
    }

    [Fact]
    public void Read_LabelOutOfRange_FailsNamingLineAndColumn()
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            Parse("id,x,v\nu1,1,3\nu2,1,7\n", new GenericCsvOptions(LabelColumn: "v", LabelScale: LabelScale.OneToFive)));
        Assert.Equal((3, 3), (ex.Line, ex.Column));
        Assert.Contains("outside the range 1-5", ex.Message);
    }

    [Fact]
    public void Read_NonNumericFeature_FailsNamingLineAndColumn()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse("id,x,y\nu1,1,2\nu2,1,abc\n"));
        Assert.Equal((3, 3), (ex.Line, ex.Column));
        Assert.StartsWith("g.csv:3:3:", ex.Message);
    }

    [Fact]
    public void Read_DuplicateIdsWithDifferentValues_Fails()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse("id,x\nu1,1\nu1,2\n"));
        Assert.Contains("duplicate utterance id 'u1'", ex.Message);
    }

    [Fact]
    public void Read_HeaderOnly_FailsAsEmptyCorpus()
    {
        var ex = Assert.Throws<DataFormatException>(() => Parse("id,x\n"));
        Assert.Contains("empty corpus", ex.Message);
    }

    [Fact]
    public void Read_EmptyFile_Fails()
    {
        Assert.Throws<DataFormatException>(() => Parse(""));
    }

    [Fact]
    public void Read_ArousalColumnBesideValenceLabel_IsNotAFeature_AndIsListed()
    {
        // The leak of issue 17: arousal was a feature of a valence regressor.
        var t = Parse("id,valence,Arousal,EmoDom,gold_activation,spk,x,y\nu1,3,4,2,1,7,0.5,1\nu2,2,3,3,2,8,0.7,2\n",
            new GenericCsvOptions(LabelColumn: "valence"));
        Assert.Equal(["x", "y"], t.FeatureNames);
        var warning = Assert.Single(t.Warnings, w => w.Contains("not used as features"));
        Assert.Contains("'Arousal' (named like a label), 'EmoDom' (named like a label), 'gold_activation' (named like a label), 'spk' (named like a group column)", warning);
    }

    [Fact]
    public void Read_NumericSpeakerColumn_IsAGroupNotAFeature()
    {
        var t = Parse("id,speaker,x\nu1,1001,0.5\nu2,1002,0.7\n", new GenericCsvOptions(SpeakerColumn: "speaker"));
        Assert.Equal(["x"], t.FeatureNames);
        Assert.Equal(["1001", "1002"], t.Speakers!);
    }

    [Theory]
    [InlineData("pcm_*", new[] { "pcm_a", "pcm_b" })]
    [InlineData("pcm_b..mfcc_1", new[] { "pcm_b", "arousal", "mfcc_1" })]
    [InlineData("mfcc_1, pcm_a", new[] { "pcm_a", "mfcc_1" })]
    public void Read_FeatureColumnsChosen_TakesExactlyThose(string selection, string[] expected)
    {
        var t = Parse("id,v,pcm_a,pcm_b,arousal,mfcc_1,other\nu1,3,1,2,3,4,5\n", new GenericCsvOptions(LabelColumn: "v", FeatureColumns: selection));
        Assert.Equal(expected, t.FeatureNames);
        Assert.DoesNotContain(t.Warnings, w => w.Contains("not used as features"));
    }

    [Theory]
    [InlineData("zz*", "'zz*' matches no column")]
    [InlineData("v,pcm_a", "chooses 'v', which is the id, a label or a group column")]
    [InlineData("note", "column 'note' chosen by --features is not numeric")]
    [InlineData("pcm_a..nothing", "no column 'nothing'")]
    public void Read_BadFeatureSelection_FailsNamingFile(string selection, string message)
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            Parse("id,v,pcm_a,note\nu1,3,1,loud\n", new GenericCsvOptions(LabelColumn: "v", FeatureColumns: selection)));
        Assert.StartsWith("g.csv", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void ToCorpus_RecordsTheLabelScale()
    {
        var t = Parse("id,v,x\nu1,6.5,1\n", new GenericCsvOptions(LabelColumn: "v", LabelScale: LabelScale.OneToSeven));
        Assert.Equal(LabelScales.Uniform(LabelScale.OneToSeven), t.ToCorpus("c").Scales);
    }
}
