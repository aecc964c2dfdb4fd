namespace SerAdapt.Data.Tests;

/// <summary>The MSP-Podcast, CREMA-D, RAVDESS and EmoDB label readers on fake trees, and the category map.</summary>
public class EmotionCorpusLabelTests
{
    [Fact]
    public void MspPodcast_FakeTree_ReadsRatingsSpeakersSplitsAndCategories()
    {
        using var folder = new TempFolder();
        var labels = MspPodcastLabels.Read(FakeEmotionCorpora.MspPodcast(folder));
        Assert.Equal(5, labels.Count);
        Assert.Equal("MSP-PODCAST_0001_0008", labels[0].Id);
        Assert.Equal((4.5f, 5.2f, 4.0f), (labels[0].Valence, labels[0].Arousal, labels[0].Dominance));
        Assert.Equal(["1", "1", "2", "", "2"], labels.Select(l => l.Speaker));
        Assert.Equal(["F", "F", "M", "", "M"], labels.Select(l => l.Gender));
        Assert.Equal(["Train", "Train", "Development", "Test1", "Test1"], labels.Select(l => l.Split));
        Assert.Equal(["happiness", "neutral", "anger", "no agreement", "sadness"], labels.Select(l => l.Category));
    }

    [Fact]
    public void MspPodcast_RatingOutsideOneToSeven_FailsNamingFileLineAndColumn()
    {
        using var folder = new TempFolder();
        var ex = Assert.Throws<DataFormatException>(() => MspPodcastLabels.Read(FakeEmotionCorpora.MspPodcast(folder, valence: "7.5")));
        Assert.EndsWith("labels_consensus.csv", ex.File);
        Assert.Equal((2, 4), (ex.Line, ex.Column));
        Assert.Contains("EmoVal 7.5 of 'MSP-PODCAST_0001_0008.wav' is outside the scale 1-7", ex.Message);
    }

    [Fact]
    public void MspPodcast_MissingLabelFile_FailsNamingIt()
    {
        using var folder = new TempFolder();
        folder.File("MSP-Podcast/Audios/README.txt", "");
        var ex = Assert.Throws<FileNotFoundException>(() => MspPodcastLabels.Read(folder["MSP-Podcast"]));
        Assert.Contains("labels_consensus.csv", ex.Message);
    }

    [Fact]
    public void MspPodcast_UnknownEmotionCode_FailsNamingLine()
    {
        using var folder = new TempFolder();
        string file = folder.File("l.csv", "FileName,EmoClass,EmoAct,EmoVal,EmoDom,SpkrID,Gender,Split_Set\na.wav,Q,4,4,4,1,Male,Train\n");
        var ex = Assert.Throws<DataFormatException>(() => MspPodcastLabels.Read(folder.Path, file));
        Assert.StartsWith($"{file}:2:2: unknown emotion code 'Q'", ex.Message);
    }

    [Fact]
    public void CremaD_Intended_OneLabelPerWavWithActorAndSex()
    {
        using var folder = new TempFolder();
        var labels = CremaDLabels.Read(FakeEmotionCorpora.CremaD(folder), perceived: false);
        Assert.Equal(6, labels.Count); // hidden ._ file and .DS_Store skipped
        Assert.Equal(["anger", "happiness", "neutral", "sadness", "fear", "disgust"], labels.Select(l => l.Category));
        Assert.Equal(["1001", "1001", "1002", "1002", "1003", "1003"], labels.Select(l => l.Speaker));
        Assert.Equal(["M", "M", "F", "F", "F", "F"], labels.Select(l => l.Gender));
    }

    [Fact]
    public void CremaD_Perceived_UsesVoiceVoteAndLeavesOutTies()
    {
        using var folder = new TempFolder();
        var warnings = new List<string>();
        var labels = CremaDLabels.Read(FakeEmotionCorpora.CremaD(folder), perceived: true, warnings);
        Assert.Equal(["1001_DFA_ANG_XX", "1001_IEO_HAP_HI", "1002_TIE_SAD_LO", "1003_DFA_FEA_MD", "1004_DFA_ANG_XX"], labels.Select(l => l.Id));
        Assert.Equal("neutral", labels[1].Category); // intended happiness, heard as neutral
        Assert.Contains(warnings, w => w.Contains("summaryTable.csv") && w.Contains("1 clip(s)"));
    }

    [Fact]
    public void CremaD_UnknownEmotionCode_FailsNamingFile()
    {
        using var folder = new TempFolder();
        string root = FakeEmotionCorpora.CremaD(folder);
        string bad = FakeEmotionCorpora.Wav(folder, "CREMA-D/AudioWAV/1005_DFA_XYZ_XX.wav", 200);
        var ex = Assert.Throws<DataFormatException>(() => CremaDLabels.Read(root, perceived: false));
        Assert.Equal(bad, ex.File);
        Assert.Contains("unknown emotion code 'XYZ'", ex.Message);
    }

    [Fact]
    public void CremaD_PerceivedWithoutRatingsFile_FailsNamingIt()
    {
        using var folder = new TempFolder();
        string root = FakeEmotionCorpora.CremaD(folder);
        File.Delete(Path.Combine(root, CremaDLabels.RatingsFile));
        var ex = Assert.Throws<FileNotFoundException>(() => CremaDLabels.Read(root, perceived: true));
        Assert.Contains("summaryTable.csv", ex.Message);
    }

    [Fact]
    public void Ravdess_FakeTree_SpeechOnlyUnlessAsked_OddActorsMale()
    {
        using var folder = new TempFolder();
        string root = FakeEmotionCorpora.Ravdess(folder);
        var warnings = new List<string>();
        var labels = RavdessLabels.Read(root, includeSong: false, warnings);
        Assert.Equal(["neutral", "calm", "anger", "happiness", "surprise"], labels.Select(l => l.Category));
        Assert.Equal(["01", "01", "01", "02", "02"], labels.Select(l => l.Speaker));
        Assert.Equal(["M", "M", "M", "F", "F"], labels.Select(l => l.Gender));
        Assert.Contains(warnings, w => w.Contains("1 song file"));
        Assert.Equal(6, RavdessLabels.Read(root, includeSong: true).Count);
    }

    [Fact]
    public void Ravdess_FlatFolder_IsAccepted()
    {
        using var folder = new TempFolder();
        FakeEmotionCorpora.Wav(folder, "flat/03-01-04-02-01-01-07.wav", 200);
        var label = Assert.Single(RavdessLabels.Read(folder["flat"], includeSong: false));
        Assert.Equal(("sadness", "07", "M"), (label.Category, label.Speaker, label.Gender));
    }

    [Theory]
    [InlineData("03-01-09-01-01-01-01", "unknown emotion code '09'")]
    [InlineData("03-01-05-01-01-01", "is not like 03-01-06-01-02-01-12.wav")]
    [InlineData("03-01-05-01-01-01-25", "actor '25'")]
    public void Ravdess_BadFileName_FailsNamingFile(string name, string message)
    {
        using var folder = new TempFolder();
        string root = FakeEmotionCorpora.Ravdess(folder);
        string bad = FakeEmotionCorpora.Wav(folder, $"RAVDESS/Actor_02/{name}.wav", 200);
        var ex = Assert.Throws<DataFormatException>(() => RavdessLabels.Read(root, includeSong: false));
        Assert.Equal(bad, ex.File);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void EmoDb_FakeTree_ReadsSpeakersEmotionLettersAndGender()
    {
        using var folder = new TempFolder();
        var labels = EmoDbLabels.Read(FakeEmotionCorpora.EmoDb(folder));
        Assert.Equal(["happiness", "anger", "boredom", "sadness", "disgust", "fear", "neutral"], labels.Select(l => l.Category));
        Assert.Equal(["03", "03", "08", "08", "10", "11", "16"], labels.Select(l => l.Speaker));
        Assert.Equal(["M", "M", "F", "F", "M", "M", "F"], labels.Select(l => l.Gender));
    }

    [Theory]
    [InlineData("03a01Xa", "unknown emotion code 'X'")]
    [InlineData("03a1Wa", "is not like 03a01Fa.wav")]
    [InlineData("05a01Wa", "unknown speaker '05'")]
    public void EmoDb_BadFileName_FailsNamingFile(string name, string message)
    {
        using var folder = new TempFolder();
        string root = FakeEmotionCorpora.EmoDb(folder);
        string bad = FakeEmotionCorpora.Wav(folder, $"EmoDB/wav/{name}.wav", 200);
        var ex = Assert.Throws<DataFormatException>(() => EmoDbLabels.Read(root));
        Assert.Equal(bad, ex.File);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void EmoDb_NoWavFiles_FailsNamingFolder()
    {
        using var folder = new TempFolder();
        folder.File("EmoDB/wav/README.txt", "");
        var ex = Assert.Throws<FileNotFoundException>(() => EmoDbLabels.Read(folder["EmoDB"]));
        Assert.Contains(folder["EmoDB/wav"], ex.Message);
    }

    [Fact]
    public void CategoryMap_Default_GivesTheDocumentedValenceAndArousal()
    {
        using var folder = new TempFolder();
        var labels = CategoryMap.Default.Apply(EmoDbLabels.Read(FakeEmotionCorpora.EmoDb(folder)));
        Assert.Equal([4.5f, 1.5f, 2.5f, 1.5f, 1.5f, 2.0f, 3.0f], labels.Select(l => l.Valence));
        Assert.Equal([4.0f, 4.5f, 1.5f, 2.0f, 3.0f, 4.0f, 2.5f], labels.Select(l => l.Arousal));
        Assert.All(labels, l => Assert.True(float.IsNaN(l.Dominance)));
        Assert.Equal(10, CategoryMap.Default.Entries.Count);
    }

    [Fact]
    public void CategoryMap_YamlFile_ReplacesTheTable()
    {
        using var folder = new TempFolder();
        string file = folder.File("map.yaml", "# valence, arousal on 1-5\nAnger: {valence: 1, arousal: 5}\nneutral:\n  valence: 3\n  arousal: 3\n");
        var map = CategoryMap.Load(file);
        Assert.Equal(file, map.Source);
        Assert.Equal((1f, 5f), map.Entries["anger"]);
        Assert.Equal((3f, 3f), map.Entries["neutral"]);
        var ex = Assert.Throws<DataFormatException>(() => map.Apply([new UtteranceLabel("03a01Fa", 0, 0, 0, "03", "", "M", "03a01Fa.wav", 0, "happiness")]));
        Assert.Contains($"{file}: no entry for the category 'happiness' of 03a01Fa", ex.Message);
    }

    [Theory]
    [InlineData("anger: {valence: 1, arousal: 6}\n", ":1:", "arousal 6 is outside the scale 1-5")]
    [InlineData("anger: {valence: low, arousal: 4}\n", ":1:", "valence is not a number")]
    [InlineData("anger: {valence: 1}\n", ":1:", "exactly valence and arousal")]
    [InlineData("anger: {valence: 1, arousal: 4}\nanger: {valence: 2, arousal: 4}\n", "", "not valid YAML")]
    [InlineData("anger: [1, 4\n", "", "not valid YAML")]
    public void CategoryMap_BadYaml_FailsNamingFileAndLine(string yaml, string position, string message)
    {
        using var folder = new TempFolder();
        string file = folder.File("map.yaml", yaml);
        var ex = Assert.Throws<DataFormatException>(() => CategoryMap.Load(file));
        Assert.StartsWith(file + position, ex.Message);
        Assert.Contains(message, ex.Message);
    }
}
