using System.Text.RegularExpressions;

namespace SerAdapt.Data;

/// <summary>
/// CREMA-D (Cao et al. 2014): <c>AudioWAV/ActorID_Sentence_Emotion_Level.wav</c>, actors 1001-1091,
/// intended emotions ANG, DIS, FEA, HAP, NEU, SAD, levels LO, MD, HI, XX (unspecified). The download's
/// crowd ratings (<c>processedResults/summaryTable.csv</c>) give the perceived emotion instead:
/// <c>VoiceVote</c>, the emotion most raters heard from the audio alone (A, D, F, H, N, S; a tie is
/// written <c>A:D</c> and has no single category, so such clips are left out and counted).
/// Actors' sex comes from <c>VideoDemographics.csv</c> when the folder has it.
/// </summary>
public static partial class CremaDLabels
{
    public const string Convention = "1001_DFA_ANG_XX.wav (actor, sentence, emotion, level)";
    public const string RatingsFile = "processedResults/summaryTable.csv";

    public static IReadOnlyDictionary<string, string> Emotions { get; } = new Dictionary<string, string>
    {
        ["ANG"] = "anger", ["DIS"] = "disgust", ["FEA"] = "fear", ["HAP"] = "happiness", ["NEU"] = "neutral", ["SAD"] = "sadness",
    };

    private static readonly string[] Levels = ["LO", "MD", "HI", "XX"];

    [GeneratedRegex(@"^(\d{4})_([A-Z]{3})_([A-Z]+)_([A-Z]+)$")]
    private static partial Regex ClipName();

    /// <summary>
    /// Intended emotions: one label per WAV under <c>root/AudioWAV</c> (or <paramref name="root"/>).
    /// Perceived: one label per row of the ratings file, whether or not its audio is there.
    /// </summary>
    public static List<UtteranceLabel> Read(string root, bool perceived, List<string>? warnings = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"CREMA-D root not found: {root}");
        var genders = ReadGenders(root);
        return perceived ? ReadPerceived(root, genders, warnings) : ReadIntended(root, genders);
    }

    private static List<UtteranceLabel> ReadIntended(string root, IReadOnlyDictionary<string, string> genders)
    {
        string folder = Directory.Exists(Path.Combine(root, "AudioWAV")) ? Path.Combine(root, "AudioWAV") : root;
        return CorpusAudioFiles.Find(folder, "CREMA-D", "AudioWAV/" + Convention)
            .Select(file => Parse(Path.GetFileNameWithoutExtension(file), file, 0, null, genders)).ToList();
    }

    private static List<UtteranceLabel> ReadPerceived(string root, IReadOnlyDictionary<string, string> genders, List<string>? warnings)
    {
        var table = NamedCsv.Read(Path.Combine(root, RatingsFile), "FileName", "VoiceVote");
        var labels = new List<UtteranceLabel>();
        int ties = 0;
        foreach (var (line, fields) in table.Rows)
        {
            string vote = fields[table["VoiceVote"]];
            if (vote.Contains(':')) { ties++; continue; }
            var emotion = Emotions.Keys.FirstOrDefault(k => k[0].ToString() == vote)
                ?? throw new DataFormatException(table.File, line, table["VoiceVote"] + 1, $"unknown emotion code '{vote}' (expected one of A, D, F, H, N, S).");
            labels.Add(Parse(fields[table["FileName"]], table.File, line, emotion, genders));
        }
        if (ties > 0) warnings?.Add($"{table.File}: left out {ties} clip(s) whose VoiceVote is a tie (e.g. 'A:D').");
        return labels;
    }

    private static UtteranceLabel Parse(string id, string file, int line, string? perceived, IReadOnlyDictionary<string, string> genders)
    {
        var m = ClipName().Match(id);
        if (!m.Success)
            throw line == 0 ? CorpusAudioFiles.Malformed(file, Convention) : new DataFormatException(file, line, 0, $"clip name '{id}' is not like {Convention}.");
        if (!Emotions.ContainsKey(m.Groups[3].Value))
            throw new DataFormatException(file, line, 0, $"unknown emotion code '{m.Groups[3].Value}' in '{id}' (expected one of {string.Join(", ", Emotions.Keys)}).");
        if (!Levels.Contains(m.Groups[4].Value))
            throw new DataFormatException(file, line, 0, $"unknown emotion level '{m.Groups[4].Value}' in '{id}' (expected one of {string.Join(", ", Levels)}).");
        string actor = m.Groups[1].Value;
        return new UtteranceLabel(id, float.NaN, float.NaN, float.NaN, actor, "", genders.GetValueOrDefault(actor, ""), file, line,
            Emotions[perceived ?? m.Groups[3].Value]);
    }

    // VideoDemographics.csv: ActorID,Age,Sex,Race,Ethnicity; Sex Male/Female.
    private static Dictionary<string, string> ReadGenders(string root)
    {
        string file = Path.Combine(root, "VideoDemographics.csv");
        if (!File.Exists(file)) return [];
        var table = NamedCsv.Read(file, "ActorID", "Sex");
        return table.Rows.ToDictionary(r => r.Fields[table["ActorID"]], r => r.Fields[table["Sex"]] switch { "Male" => "M", "Female" => "F", _ => "" });
    }
}
