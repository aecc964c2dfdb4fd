using System.Text;

namespace SerAdapt.Data.Tests;

/// <summary>
/// Small trees laid out like the downloads of MSP-Podcast, CREMA-D, RAVDESS and EmoDB, with tiny
/// synthetic WAVs (0.3 s tones) and the decoys a real folder has: READMEs, hidden and macOS files,
/// RAVDESS song files, a label row without audio and audio without a label row. Also linked into
/// the CLI tests.
/// </summary>
public static class FakeEmotionCorpora
{
    /// <summary>
    /// MSP-Podcast: 5 label rows (speakers 1, 2 and Unknown; Train, Development, Test1), audio for
    /// 4 of them, plus audio nobody labelled. <paramref name="valence"/> replaces the first row's EmoVal.
    /// </summary>
    public static string MspPodcast(TempFolder folder, string valence = "4.5")
    {
        folder.File("MSP-Podcast/Labels/labels_consensus.csv",
            "FileName,EmoClass,EmoAct,EmoVal,EmoDom,SpkrID,Gender,Split_Set\n" +
            $"MSP-PODCAST_0001_0008.wav,H,5.2,{valence},4.0,1,Female,Train\n" +
            "MSP-PODCAST_0001_0012.wav,N,4.0,4.0,4.0,1,Female,Train\n" +
            "MSP-PODCAST_0002_0003.wav,A,6.0,2.0,5.5,2,Male,Development\n" +
            "MSP-PODCAST_0003_0001.wav,X,3.0,3.5,3.0,Unknown,Unknown,Test1\n" +
            "MSP-PODCAST_0004_0001.wav,S,2.0,2.5,3.0,2,Male,Test1\n"); // no audio
        foreach (var (name, hz) in new[] { ("0001_0008", 150), ("0001_0012", 180), ("0002_0003", 210), ("0003_0001", 240), ("0009_0001", 270) })
            Wav(folder, $"MSP-Podcast/Audios/MSP-PODCAST_{name}.wav", hz); // 0009_0001 has no label row
        folder.File("MSP-Podcast/Audios/._MSP-PODCAST_0001_0008.wav", "macOS resource fork");
        folder.File("MSP-Podcast/README.txt", "MSP-Podcast release notes");
        return folder["MSP-Podcast"];
    }

    /// <summary>CREMA-D: 6 clips of 3 actors (one per emotion), demographics, crowd ratings with a tie and a row without audio.</summary>
    public static string CremaD(TempFolder folder)
    {
        string[] clips = ["1001_DFA_ANG_XX", "1001_IEO_HAP_HI", "1002_TIE_SAD_LO", "1002_IOM_NEU_XX", "1003_DFA_FEA_MD", "1003_ITS_DIS_HI"];
        for (int k = 0; k < clips.Length; k++) Wav(folder, $"CREMA-D/AudioWAV/{clips[k]}.wav", 140 + 20 * k);
        folder.File("CREMA-D/AudioWAV/._1001_DFA_ANG_XX.wav", "macOS resource fork");
        folder.File("CREMA-D/AudioWAV/.DS_Store", "");
        folder.File("CREMA-D/README.md", "CREMA-D");
        folder.File("CREMA-D/VideoDemographics.csv", "ActorID,Age,Sex,Race,Ethnicity\n1001,51,Male,Caucasian,Not Hispanic\n1002,21,Female,Caucasian,Not Hispanic\n1003,21,Female,Caucasian,Not Hispanic\n");
        // Perceived: the second clip was heard as neutral; the last is a tie; 1004 has no audio; 1002_IOM has no row.
        folder.File("CREMA-D/processedResults/summaryTable.csv",
            "\"\",\"FileName\",\"VoiceVote\",\"VoiceLevel\",\"FaceVote\",\"FaceLevel\",\"MultiModalVote\",\"MultiModalLevel\"\n" +
            "\"1\",\"1001_DFA_ANG_XX\",\"A\",\"60\",\"A\",\"50\",\"A\",\"55\"\n" +
            "\"2\",\"1001_IEO_HAP_HI\",\"N\",\"50\",\"H\",\"70\",\"H\",\"60\"\n" +
            "\"3\",\"1002_TIE_SAD_LO\",\"S\",\"40\",\"S\",\"40\",\"S\",\"40\"\n" +
            "\"4\",\"1003_DFA_FEA_MD\",\"F\",\"50\",\"F\",\"50\",\"F\",\"50\"\n" +
            "\"5\",\"1003_ITS_DIS_HI\",\"A:D\",\"50:50\",\"D\",\"60\",\"D\",\"60\"\n" +
            "\"6\",\"1004_DFA_ANG_XX\",\"A\",\"80\",\"A\",\"80\",\"A\",\"80\"\n");
        return folder["CREMA-D"];
    }

    /// <summary>RAVDESS: 5 speech files of actors 01 (male) and 02 (female) in Actor_NN folders, a song file, a README, hidden files.</summary>
    public static string Ravdess(TempFolder folder)
    {
        string[] speech = ["Actor_01/03-01-05-01-01-01-01", "Actor_01/03-01-01-01-01-01-01", "Actor_01/03-01-02-02-02-02-01",
            "Actor_02/03-01-03-02-02-01-02", "Actor_02/03-01-08-01-01-02-02"];
        for (int k = 0; k < speech.Length; k++) Wav(folder, $"RAVDESS/{speech[k]}.wav", 150 + 25 * k);
        Wav(folder, "RAVDESS/Actor_01/03-02-05-01-01-01-01.wav", 300); // song
        folder.File("RAVDESS/Actor_01/.DS_Store", "");
        folder.File("RAVDESS/__MACOSX/Actor_01/._03-01-05-01-01-01-01.wav", "macOS resource fork");
        folder.File("RAVDESS/README.md", "RAVDESS");
        return folder["RAVDESS"];
    }

    /// <summary>EmoDB: 7 files of 5 speakers, one per emotion letter, with the download's other folders and a README.</summary>
    public static string EmoDb(TempFolder folder)
    {
        string[] names = ["03a01Wa", "03a01Fa", "08b02Tb", "08a04Lc", "16b10Na", "10a05Ea", "11a07Ab"];
        for (int k = 0; k < names.Length; k++) Wav(folder, $"EmoDB/wav/{names[k]}.wav", 140 + 20 * k);
        folder.File("EmoDB/wav/._03a01Wa.wav", "macOS resource fork");
        folder.File("EmoDB/silb/03a01Wa.silb", "0.1 a");
        folder.File("EmoDB/erkennung.txt", "Erkennungsraten");
        folder.File("EmoDB/README.txt", "Berlin Database of Emotional Speech");
        return folder["EmoDB"];
    }

    /// <summary>A 0.3 s (by default) tone under <paramref name="folder"/>; returns its path.</summary>
    public static string Wav(TempFolder folder, string relative, double hz, double seconds = 0.3)
    {
        string path = folder[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        WriteTone(path, hz, seconds);
        return path;
    }

    /// <summary>16 kHz mono 16-bit PCM: a tone with a few harmonics, so that it is voiced.</summary>
    public static void WriteTone(string path, double hz, double seconds, double amplitude = 6000)
    {
        int n = (int)(16000 * seconds);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true))
        {
            w.Write("RIFF"u8); w.Write(36 + 2 * n); w.Write("WAVE"u8);
            w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)1); w.Write(16000); w.Write(32000); w.Write((short)2); w.Write((short)16);
            w.Write("data"u8); w.Write(2 * n);
            for (int i = 0; i < n; i++)
            {
                double t = i / 16000.0, x = 0;
                for (int h = 1; h <= 5; h++) x += Math.Sin(2 * Math.PI * h * hz * t) / h;
                w.Write((short)(amplitude * x));
            }
        }
        File.WriteAllBytes(path, stream.ToArray());
    }
}
