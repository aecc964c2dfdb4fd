using System.Text.RegularExpressions;

namespace SerAdapt.Data;

/// <summary>
/// Berlin Emotional Speech Database (EmoDB, Burkhardt et al. 2005): <c>wav/SSTTTEV.wav</c>, speaker
/// SS (03, 08-16), text TTT (a01..b10), emotion letter E from the German name (W Ärger anger,
/// L Langeweile boredom, E Ekel disgust, A Angst fear, F Freude happiness, T Trauer sadness, N neutral),
/// version V. The category is the label; valence and arousal come from a <see cref="CategoryMap"/>.
/// </summary>
public static partial class EmoDbLabels
{
    public const string Convention = "03a01Fa.wav (speaker, text, emotion letter, version)";

    public static IReadOnlyDictionary<char, string> Emotions { get; } = new Dictionary<char, string>
    {
        ['W'] = "anger", ['L'] = "boredom", ['E'] = "disgust", ['A'] = "fear", ['F'] = "happiness", ['T'] = "sadness", ['N'] = "neutral",
    };

    /// <summary>The ten speakers and their gender.</summary>
    public static IReadOnlyDictionary<string, string> Speakers { get; } = new Dictionary<string, string>
    {
        ["03"] = "M", ["08"] = "F", ["09"] = "F", ["10"] = "M", ["11"] = "M", ["12"] = "M", ["13"] = "F", ["14"] = "F", ["15"] = "M", ["16"] = "F",
    };

    [GeneratedRegex(@"^(\d\d)([ab]\d\d)([A-Za-z])([a-z])$")]
    private static partial Regex FileName();

    /// <summary>One label per WAV file under <c>root/wav</c> (or under <paramref name="root"/> when it has no wav folder).</summary>
    public static List<UtteranceLabel> Read(string root)
    {
        string folder = Directory.Exists(Path.Combine(root, "wav")) ? Path.Combine(root, "wav") : root;
        var labels = new List<UtteranceLabel>();
        foreach (var file in CorpusAudioFiles.Find(folder, "EmoDB", "wav/" + Convention))
        {
            string id = Path.GetFileNameWithoutExtension(file);
            var m = FileName().Match(id);
            if (!m.Success) throw CorpusAudioFiles.Malformed(file, Convention);
            string speaker = m.Groups[1].Value;
            if (!Speakers.TryGetValue(speaker, out var gender))
                throw new DataFormatException(file, 0, 0, $"unknown speaker '{speaker}' (EmoDB's speakers are {string.Join(", ", Speakers.Keys)}).");
            char code = m.Groups[3].Value[0];
            if (!Emotions.TryGetValue(code, out var category))
                throw new DataFormatException(file, 0, 0, $"unknown emotion code '{code}' (expected one of {string.Join(" ", Emotions.Keys)}).");
            labels.Add(new UtteranceLabel(id, float.NaN, float.NaN, float.NaN, speaker, "", gender, file, 0, category));
        }
        return labels;
    }
}
