using SerAdapt.Data;

namespace SerAdapt.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "seradapt-import-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    private string Output => Path.Combine(_dir, "out.parquet");

    private void IemocapTree(string valence = "2.5000")
    {
        Write("IEMOCAP/Session1/dialog/EmoEvaluation/Ses01F_impro01.txt",
            "% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]\n\n" +
            $"[6.2901 - 8.2357]\tSes01F_impro01_F000\tneu\t[{valence}, 2.5000, 2.5000]\nC-E2:\tNeutral;\t()\n\n" +
            "[10.0100 - 11.3925]\tSes01F_impro01_M001\tfru\t[2.0000, 3.5000, 3.5000]\nC-E2:\tFrustration;\t()\n");
        Write("IEMOCAP/Session2/dialog/EmoEvaluation/Ses02M_script01_1.txt",
            "[1.0 - 2.0]\tSes02M_script01_1_F003\thap\t[4.0000, 3.0000, 3.0000]\n[2.0 - 3.0]\tSes02M_script01_1_M004\tsad\t[1.5000, 2.0000, 2.0000]\n");
    }

    private const string ArffHeader = "@relation openSMILE_features\n\n@attribute name string\n@attribute f1 numeric\n@attribute f2 numeric\n@attribute class numeric\n\n@data\n\n";

    private string IemocapArff(string lastRow = "'Ses02M_script01_1_M004',7,8,?") => Write("is10.arff", ArffHeader +
        "'Ses01F_impro01_F000',1,2,?\n'Ses01F_impro01_M001',3,4,?\n'Ses02M_script01_1_F003',5,6,?\n" + lastRow + "\n'Ses05F_unlabelled_F000',9,9,?\n");

    [Fact]
    public void ImportIemocap_FakeTree_WritesCorpusAndPrintsSummary()
    {
        IemocapTree();
        var (code, output, err) = Run("import", "iemocap", "--root", Path.Combine(_dir, "IEMOCAP"), "--features", IemocapArff(), "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal(4, corpus.Count);
        Assert.Equal("IEMOCAP", corpus.Name);
        Assert.Equal(["Ses01F", "Ses01M", "Ses02F", "Ses02M"], corpus.Speakers);
        Assert.Equal(["neutral", "frustration", "happiness", "sadness"], corpus.Categories);
        Assert.Equal(LabelScales.OneToFive, corpus.Scales);
        Assert.Contains("utterances: 4", output);
        Assert.Contains("speakers: 4", output);
        Assert.Contains("sessions: 2", output);
        Assert.Contains("valence: mean 2.500, std 0.935, missing 0, scale 1-5", output);
        Assert.Contains("categories: frustration 1, happiness 1, neutral 1, sadness 1", output);
        Assert.Contains("feature rows without labels (dropped): 1", output);
        Assert.Contains("labelled utterances without feature rows: 0", output);
    }

    [Fact]
    public void ImportMspImprov_FakeTree_ReadsAValDOrder()
    {
        Write("MSP-IMPROV/Evaluation/Evalution.txt",
            "UTD-IMPROV-S01A-F01-P-FM01.avi; A; A:4.000000; V:2.000000; D:3.000000 ; N:3.000000;\nrater1;A;A:4;V:2;D:3;N:3;\n\n" +
            "UTD-IMPROV-S02H-M03-S-MF02.avi; H; A:3.000000; V:NaN; D:3.000000 ; N:3.000000;\n");
        string features = Write("msp.csv", "name;frameTime;f1;f2\n'MSP-IMPROV-S01A-F01-P-FM01';0.000000;1;2\n'MSP-IMPROV-S02H-M03-S-MF02';0.000000;3;4\n");
        var (code, output, err) = Run("import", "msp-improv", "--root", Path.Combine(_dir, "MSP-IMPROV"), "--features", features, "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal([2f, float.NaN], corpus.Valence);
        Assert.Equal([4f, 3f], corpus.Arousal);
        Assert.Equal(["F01", "M03"], corpus.Speakers);
        Assert.Equal(["1", "3"], corpus.Sessions);
        Assert.Equal(["anger", "happiness"], corpus.Categories);
        Assert.Contains("missing 1", output);
    }

    [Fact]
    public void ImportCsv_GenericColumns_WritesCorpus()
    {
        string csv = Write("g.csv", "utt,spk,sess,val,emo,x,y\nu1,A,1,3.5,ang,1,2\nu2,B,2,2.0,neu,3,4\n");
        var (code, output, err) = Run("import", "csv", csv, "--id", "utt", "--label", "val", "--speaker", "spk", "--session", "sess", "-o", Output);
        Assert.True(code == 0, err);
        var corpus = CorpusFile.Read(Output);
        Assert.Equal(["x", "y"], corpus.FeatureNames);
        Assert.Equal("g", corpus.Name);
        Assert.Contains("'emo'", err);
        Assert.Contains("utterances: 2", output);
    }

    [Fact]
    public void ImportCsv_NaNFeatureWithImputeMean_Succeeds()
    {
        string csv = Write("g.csv", "id,x\nu1,1\nu2,NaN\nu3,3\n");
        var (code, _, err) = Run("import", "csv", csv, "--impute", "mean", "-o", Output);
        Assert.True(code == 0, err);
        Assert.Equal([1f, 2f, 3f], CorpusFile.Read(Output).Features);
    }

    public static TheoryData<string, string, string> BadCsv => new()
    {
        { "malformed", "id,x,y\nu1,1,2\nu2,1\n", "g.csv:3: expected 3 fields" },
        { "unterminated quote", "id,x\n\"u1,1\n", "g.csv:2: unterminated" },
        { "non-numeric", "id,x,y\nu1,1,2\nu2,1,two\n", "g.csv:3:3: column 'y' is not a number: 'two'" },
        { "NaN feature", "id,x,y\nu1,1,2\nu2,1,nan\n", "g.csv:3:3: feature 'y' of 'u2' is missing or not finite" },
        { "Inf feature", "id,x\nu1,inf\n", "g.csv:2:2: feature 'x' of 'u1'" },
        { "duplicate id", "id,x\nu1,1\nu1,2\n", "g.csv:3: duplicate utterance id 'u1' (first at line 2)" },
        { "label out of range", "id,v,x\nu1,3,1\nu2,9,2\n", "g.csv:3:2: label 'v' = 9 is outside the range 1-5" },
        { "empty corpus", "id,v,x\n", "g.csv:1: no data rows (an empty corpus)" },
    };

    [Theory]
    [MemberData(nameof(BadCsv))]
    public void ImportCsv_BadInput_FailsNamingFileAndLineWithoutOutput(string what, string text, string message)
    {
        string csv = Write("g.csv", text);
        var (code, _, err) = Run("import", "csv", csv, "--label", "v", "-o", Output);
        if (!text.Contains(",v,")) (code, _, err) = Run("import", "csv", csv, "-o", Output);
        Assert.True(code == 1, what);
        Assert.Contains(message, err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(Output), what);
        Assert.Single(Directory.GetFiles(_dir)); // not even a temporary file
    }

    [Fact]
    public void ImportIemocap_MalformedArff_FailsNamingLine()
    {
        IemocapTree();
        string arff = IemocapArff("'Ses02M_script01_1_M004',7");
        var (code, _, err) = Run("import", "iemocap", "--root", Path.Combine(_dir, "IEMOCAP"), "--features", arff, "-o", Output);
        Assert.Equal(1, code);
        Assert.Contains($"{arff}:13: expected 4 values", err);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void ImportIemocap_LabelOutOfRange_FailsNamingLabelFileAndLine()
    {
        IemocapTree(valence: "6.0000");
        var (code, _, err) = Run("import", "iemocap", "--root", Path.Combine(_dir, "IEMOCAP"), "--features", IemocapArff(), "-o", Output);
        Assert.Equal(1, code);
        Assert.Contains("Ses01F_impro01.txt:3:", err);
        Assert.Contains("valence 6.0000", err);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void ImportIemocap_NoMatchingFeatureRows_FailsNamingFiles()
    {
        IemocapTree();
        string arff = Write("other.arff", ArffHeader + "'x',1,2,?\n");
        var (code, _, err) = Run("import", "iemocap", "--root", Path.Combine(_dir, "IEMOCAP"), "--features", arff, "-o", Output);
        Assert.Equal(1, code);
        Assert.Contains("No feature row in " + arff, err);
        Assert.Contains("EmoEvaluation", err);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void ImportIemocap_MissingValueInArff_FailsUnlessImputed()
    {
        IemocapTree();
        string arff = IemocapArff("'Ses02M_script01_1_M004',?,8,?");
        string[] args = ["import", "iemocap", "--root", Path.Combine(_dir, "IEMOCAP"), "--features", arff, "-o", Output];
        var (code, _, err) = Run(args);
        Assert.Equal(1, code);
        Assert.Contains($"{arff}:13:2: feature 'f1'", err);
        Assert.Equal(0, Run([.. args, "--impute", "mean"]).Code);
    }
}
