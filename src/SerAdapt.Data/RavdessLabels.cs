using System.Globalization;
using System.Text.RegularExpressions;

namespace SerAdapt.Data;

/// <summary>
/// RAVDESS (Livingstone &amp; Russo 2018): <c>Actor_NN/MM-VV-EE-II-SS-RR-AA.wav</c> (or a flat folder of
/// such files): modality (01-03), vocal channel (01 speech, 02 song), emotion (01 neutral, 02 calm,
/// 03 happy, 04 sad, 05 angry, 06 fearful, 07 disgust, 08 surprised), intensity (01-02), statement
/// (01-02), repetition (01-02), actor (01-24; odd actors male). Song files are skipped unless asked for.
/// </summary>
public static partial class RavdessLabels
{
    public const string Convention = "03-01-06-01-02-01-12.wav (modality-channel-emotion-intensity-statement-repetition-actor)";

    public static IReadOnlyList<string> Emotions { get; } =
        ["neutral", "calm", "happiness", "sadness", "anger", "fear", "disgust", "surprise"];

    [GeneratedRegex(@"^(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^Actor_(\d\d)$")]
    private static partial Regex ActorFolder();

    public static List<UtteranceLabel> Read(string root, bool includeSong, List<string>? warnings = null)
    {
        var labels = new List<UtteranceLabel>();
        int songs = 0;
        foreach (var file in CorpusAudioFiles.Find(root, "RAVDESS", "Actor_NN/" + Convention))
        {
            string id = Path.GetFileNameWithoutExtension(file);
            var m = FileName().Match(id);
            if (!m.Success) throw CorpusAudioFiles.Malformed(file, Convention);
            int Field(int k, int max, string what)
            {
                int v = int.Parse(m.Groups[k].Value, CultureInfo.InvariantCulture);
                return v >= 1 && v <= max ? v
                    : throw new DataFormatException(file, 0, 0, $"{what} '{m.Groups[k].Value}' in '{Path.GetFileName(file)}' is not 01-{max:D2}.");
            }
            Field(1, 3, "modality");
            bool song = Field(2, 2, "vocal channel") == 2;
            int emotion = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (emotion is < 1 or > 8)
                throw new DataFormatException(file, 0, 0, $"unknown emotion code '{m.Groups[3].Value}' (expected 01-08).");
            Field(4, 2, "intensity");
            Field(5, 2, "statement");
            Field(6, 2, "repetition");
            int actor = Field(7, 24, "actor");
            var folder = ActorFolder().Match(Path.GetFileName(Path.GetDirectoryName(file)) ?? "");
            if (folder.Success && int.Parse(folder.Groups[1].Value, CultureInfo.InvariantCulture) != actor)
                throw new DataFormatException(file, 0, 0, $"actor {actor:D2} of the file name differs from its folder Actor_{folder.Groups[1].Value}.");
            if (song && !includeSong) { songs++; continue; }
            labels.Add(new UtteranceLabel(id, float.NaN, float.NaN, float.NaN, $"{actor:D2}", "", actor % 2 == 1 ? "M" : "F", file, 0, Emotions[emotion - 1]));
        }
        if (songs > 0) warnings?.Add($"{root}: skipped {songs} song file(s) (vocal channel 02); --include-song keeps them.");
        if (labels.Count == 0) throw new FileNotFoundException($"No RAVDESS speech files under {root} (only song files; --include-song keeps them).");
        return labels;
    }
}
