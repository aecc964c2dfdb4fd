using SerAdapt.Data;
using SerAdapt.Data.Tests;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// <c>seradapt import msp-podcast|crema-d|ravdess|emodb</c> on fake trees (IS10 features from their
/// tiny WAVs, or from an openSMILE ARFF), and each bad input: one clear line naming the file, exit 1,
/// no corpus file.
/// </summary>
public sealed class EmotionCorpusImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Output => _folder["out.parquet"];

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void ImportMspPodcast_FromWavs_KeepsRatingsOnOneToSevenSplitsAndUnknownSpeakers()
    {
        string root = FakeEmotionCorpora.MspPodcast(_folder);
        var (code, output, err) = Run("import", "msp-podcast", "--root", root, "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal(["MSP-PODCAST_0001_0008", "MSP-PODCAST_0001_0012", "MSP-PODCAST_0002_0003", "MSP-PODCAST_0003_0001"], corpus.Ids);
        Assert.Equal(1582, corpus.Dimension);
        Assert.Equal(LabelScales.Uniform(LabelScale.OneToSeven), corpus.Scales);
        Assert.Equal(["Train", "Train", "Development", "Test1"], corpus.Splits);
        Assert.Equal(["1", "1", "2", ""], corpus.Speakers);
        Assert.Contains("1 WAV file(s) under", output); // the audio without a label row; the hidden ._ file is not counted
        Assert.Contains("MSP-PODCAST_0009_0001.wav", output);
        Assert.Contains("utterances: 4\n", Lf(output));
        Assert.Contains("speakers: 2\nutterances of unknown speakers (one group): 1", Lf(output));
        Assert.Contains("splits: Train 2, Development 1, Test1 1", output);
        Assert.Contains("categories: anger 1, happiness 1, neutral 1, no agreement 1", output);
        Assert.Contains("valence: mean 3.500, std 0.935, missing 0, scale 1-7", output);
        Assert.Contains("arousal: mean 4.550", output);
        Assert.Contains("labelled utterances without feature rows: 1", output);
    }

    [Fact]
    public void ImportCremaD_FromWavs_MapsIntendedCategoriesOnOneToFive()
    {
        string root = FakeEmotionCorpora.CremaD(_folder);
        var (code, output, err) = Run("import", "crema-d", "--root", root, "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal(6, corpus.Count);
        Assert.Equal(["anger", "happiness", "neutral", "sadness", "fear", "disgust"], corpus.Categories);
        Assert.Equal([1.5f, 4.5f, 3.0f, 1.5f, 2.0f, 1.5f], corpus.Valence);
        Assert.Equal(["M", "M", "F", "F", "F", "F"], corpus.Genders);
        Assert.Equal(LabelScales.OneToFive, corpus.Scales);
        Assert.Contains("valence and arousal from the categories by the default category map", output);
        Assert.Contains("speakers: 3", output);
        Assert.Contains("categories: anger 1, disgust 1, fear 1, happiness 1, neutral 1, sadness 1", output);
        Assert.Contains("valence: mean 2.333, std 1.106, missing 0, scale 1-5", output);
    }

    [Fact]
    public void ImportCremaD_Perceived_UsesVotesFromArffFeatures()
    {
        string root = FakeEmotionCorpora.CremaD(_folder);
        string arff = FakeCorpora.Arff(_folder, ["1001_DFA_ANG_XX", "1001_IEO_HAP_HI", "1002_TIE_SAD_LO", "1003_DFA_FEA_MD", "1002_IOM_NEU_XX"]);
        var (code, output, err) = Run("import", "crema-d", "--root", root, "--features", arff, "--emotion", "perceived", "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal(["anger", "neutral", "sadness", "fear"], corpus.Categories); // 1001_IEO_HAP_HI was heard as neutral
        Assert.Contains("left out 1 clip(s) whose VoiceVote is a tie", err);
        Assert.Contains("feature rows without labels (dropped): 1", output); // 1002_IOM_NEU_XX has no rating row
        Assert.Contains("labelled utterances without feature rows: 1", output); // 1004_DFA_ANG_XX has no audio
    }

    [Fact]
    public void ImportRavdess_FromWavs_SpeechOnly_OddActorsMale()
    {
        string root = FakeEmotionCorpora.Ravdess(_folder);
        var (code, output, err) = Run("import", "ravdess", "--root", root, "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal(["neutral", "calm", "anger", "happiness", "surprise"], corpus.Categories);
        Assert.Equal(["01", "01", "01", "02", "02"], corpus.Speakers);
        Assert.Equal(["M", "M", "M", "F", "F"], corpus.Genders);
        Assert.Contains("skipped 1 song file(s)", err);
        Assert.Contains("utterances: 5", output);
        Assert.Contains("valence: mean 3.100, std 0.970, missing 0, scale 1-5", output);
        Assert.Contains("arousal: mean 3.400, std 0.970, missing 0, scale 1-5", output);
        Assert.Equal(6, Run("import", "ravdess", "--root", root, "--include-song", "--features", Arff(root), "-o", Output).Code == 0
            ? CorpusFile.Read(Output).Count : -1);
    }

    [Fact]
    public void ImportEmoDb_WithCategoryMap_UsesTheFilesValues()
    {
        string root = FakeEmotionCorpora.EmoDb(_folder);
        string map = _folder.File("map.yaml", string.Join('\n',
            CategoryMap.Default.Entries.Select(e => $"{e.Key}: {{valence: {(e.Key == "anger" ? "1" : "3")}, arousal: 3}}")) + "\n");
        var (code, output, err) = Run("import", "emodb", "--root", root, "--category-map", map, "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal(7, corpus.Count);
        Assert.Equal(["03", "03", "08", "08", "10", "11", "16"], corpus.Speakers);
        Assert.Equal([3f, 1f, 3f, 3f, 3f, 3f, 3f], corpus.Valence);
        Assert.Contains($"valence and arousal from the categories by {map}", output);
        Assert.Contains("speakers: 5", output);
        Assert.Contains("categories: anger 1, boredom 1, disgust 1, fear 1, happiness 1, neutral 1, sadness 1", output);
    }

    [Fact]
    public void ImportCremaD_SilentWav_FailsNamingIt_OrIsLeftOutWithSkipBadAudio()
    {
        string root = FakeEmotionCorpora.CremaD(_folder);
        string silent = FakeEmotionCorpora.Wav(_folder, "CREMA-D/AudioWAV/1076_MTI_SAD_XX.wav", 200, seconds: 0); // as in the real download

        var (code, _, err) = Run("import", "crema-d", "--root", root, "-o", Output);
        Assert.Equal(1, code);
        Assert.Contains("1 of 7 audio files could not be read (--skip-bad-audio leaves them out)", err);
        Assert.Contains(silent, err);
        Assert.False(File.Exists(Output));

        (code, var output, err) = Run("import", "crema-d", "--root", root, "--skip-bad-audio", "-o", Output);
        Assert.True(code == 0, err);
        Assert.Contains($"left out (--skip-bad-audio): {silent}", err);
        Assert.Contains("labelled utterances without feature rows: 1", output);
        Assert.Equal(6, CorpusFile.Read(Output).Count);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "msp-podcast missing label file", "msp-podcast:nolabels", "labels_consensus.csv" },
        { "msp-podcast rating outside 1-7", "msp-podcast:rating", "labels_consensus.csv:2:4: EmoVal 9 of 'MSP-PODCAST_0001_0008.wav' is outside the scale 1-7" },
        { "crema-d unknown emotion code", "crema-d:1005_DFA_XYZ_XX.wav", "1005_DFA_XYZ_XX.wav: unknown emotion code 'XYZ'" },
        { "crema-d malformed file name", "crema-d:1005-DFA-ANG-XX.wav", "1005-DFA-ANG-XX.wav: file name '1005-DFA-ANG-XX.wav' is not like 1001_DFA_ANG_XX.wav" },
        { "crema-d perceived without ratings", "crema-d:noratings", "summaryTable.csv" },
        { "ravdess unknown emotion code", "ravdess:Actor_02/03-01-11-01-01-01-02.wav", "03-01-11-01-01-01-02.wav: unknown emotion code '11'" },
        { "ravdess malformed file name", "ravdess:Actor_02/03-01-05-01-01-02.wav", "03-01-05-01-01-02.wav: file name '03-01-05-01-01-02.wav' is not like" },
        { "emodb unknown emotion code", "emodb:wav/03a01Qa.wav", "03a01Qa.wav: unknown emotion code 'Q'" },
        { "emodb malformed file name", "emodb:wav/3a01Wa.wav", "3a01Wa.wav: file name '3a01Wa.wav' is not like 03a01Fa.wav" },
        { "emodb category map value outside 1-5", "emodb:map", "map.yaml:1:" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Import_BadInput_FailsWithOneLineNamingFile_WritesNothing(string what, string setup, string message)
    {
        string corpus = setup[..setup.IndexOf(':')], change = setup[(setup.IndexOf(':') + 1)..];
        string root = corpus switch
        {
            "msp-podcast" => FakeEmotionCorpora.MspPodcast(_folder, valence: change == "rating" ? "9" : "4.5"),
            "crema-d" => FakeEmotionCorpora.CremaD(_folder),
            "ravdess" => FakeEmotionCorpora.Ravdess(_folder),
            _ => FakeEmotionCorpora.EmoDb(_folder),
        };
        string[] extra = [];
        if (change.EndsWith(".wav")) FakeEmotionCorpora.Wav(_folder, Path.Combine(Path.GetFileName(root), corpus == "crema-d" ? "AudioWAV" : "", change), 200);
        if (change == "nolabels") File.Delete(Path.Combine(root, MspPodcastLabels.LabelFile));
        if (change == "noratings") { File.Delete(Path.Combine(root, CremaDLabels.RatingsFile)); extra = ["--emotion", "perceived"]; }
        if (change == "map") extra = ["--category-map", _folder.File("map.yaml", "anger: {valence: 0, arousal: 4}\n")];

        var (code, output, err) = Run(["import", corpus, "--root", root, "-o", Output, .. extra]);

        Assert.True(code == 1, $"{what}: exit {code}; {output}");
        Assert.Contains(message, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.parquet*", SearchOption.AllDirectories));
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n");

    // An ARFF with a row for every WAV of the tree (song files included), named by the file.
    private string Arff(string root) => FakeCorpora.Arff(_folder,
        Directory.EnumerateFiles(root, "*.wav", SearchOption.AllDirectories).Where(f => !CorpusAudioFiles.IsHidden(root, f))
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!, "all.arff");
}
