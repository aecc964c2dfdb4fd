using System.Globalization;
using System.Text.RegularExpressions;

namespace SerAdapt.Data;

/// <summary>
/// MSP-IMPROV labels from <c>Evaluation.txt</c> (some copies spell it <c>Evalution.txt</c>): utterance
/// lines <c>UTD-IMPROV-&lt;id&gt;.avi; &lt;EMO&gt;; A:&lt;a&gt;; V:&lt;v&gt;; D:&lt;d&gt; ; N:&lt;n&gt;;</c> — note the order
/// A, V, D, N, unlike IEMOCAP — each followed by per-rater lines (skipped). <c>NaN</c> is allowed.
/// The audio of <c>UTD-IMPROV-S01A-F01-P-FM01.avi</c> is <c>MSP-IMPROV-S01A-F01-P-FM01.wav</c>, so labels
/// are keyed <c>MSP-IMPROV-&lt;id&gt;</c>; speaker F01 is the second part of the id, session 1 its number.
/// </summary>
public static partial class MspImprovLabels
{
    public const string LabelPrefix = "UTD-IMPROV-";
    public const string AudioPrefix = "MSP-IMPROV-";

    /// <summary>The utterance line's emotion letters as category names (another code is kept as written).</summary>
    public static IReadOnlyDictionary<string, string> Emotions { get; } = new Dictionary<string, string>
    {
        ["A"] = "anger", ["H"] = "happiness", ["S"] = "sadness", ["N"] = "neutral", ["O"] = "other", ["X"] = "no agreement",
    };

    [GeneratedRegex(@"^UTD-IMPROV-(\S+?)\.avi\s*;\s*([^;]*);\s*A:\s*([^;]*);\s*V:\s*([^;]*);\s*D:\s*([^;]*);\s*N:\s*([^;]*);?\s*$")]
    private static partial Regex UtteranceLine();

    [GeneratedRegex(@"^[^-]+-([FM])(\d\d)(-|$)")]
    private static partial Regex SpeakerPart();

    /// <summary>The labels of the Evaluation.txt found under <paramref name="root"/> (the file itself may also be given).</summary>
    public static List<UtteranceLabel> Read(string root, LabelScale? range = null)
    {
        string file = File.Exists(root) ? root : FindEvaluationFile(root);
        using var reader = new StreamReader(file);
        return Read(reader, file, range ?? LabelScale.OneToFive);
    }

    public static string FindEvaluationFile(string root)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"MSP-IMPROV root not found: {root}");
        var found = Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "Evaluation.txt" or "Evalution.txt")
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count switch
        {
            0 => throw new FileNotFoundException($"No Evaluation.txt (or Evalution.txt) under {root}."),
            1 => found[0],
            _ => throw new InvalidDataException($"Several label files under {root}: {string.Join(", ", found)}; pass one with --labels."),
        };
    }

    public static List<UtteranceLabel> Read(TextReader reader, string file, LabelScale range)
    {
        var labels = new List<UtteranceLabel>();
        string? line;
        int lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (!line.StartsWith(LabelPrefix, StringComparison.Ordinal)) continue; // rater lines, blank lines
            var m = UtteranceLine().Match(line);
            if (!m.Success)
                throw new DataFormatException(file, lineNumber, 1, "malformed utterance line; expected 'UTD-IMPROV-<id>.avi; <EMO>; A:<a>; V:<v>; D:<d> ; N:<n>;'.");
            string id = m.Groups[1].Value;
            var speaker = SpeakerPart().Match(id);
            if (!speaker.Success)
                throw new DataFormatException(file, lineNumber, LabelPrefix.Length + 1, $"utterance id '{id}' has no speaker part like F01 or M06.");
            float arousal = Parse(m.Groups[3], "A"), valence = Parse(m.Groups[4], "V"), dominance = Parse(m.Groups[5], "D");
            string gender = speaker.Groups[1].Value;
            string session = int.Parse(speaker.Groups[2].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            string emotion = m.Groups[2].Value.Trim();
            labels.Add(new UtteranceLabel(AudioPrefix + id, valence, arousal, dominance, gender + speaker.Groups[2].Value, session, gender, file, lineNumber,
                Emotions.GetValueOrDefault(emotion, emotion)));
        }
        return labels;

        float Parse(Group g, string what)
        {
            string text = g.Value.Trim();
            if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new DataFormatException(file, lineNumber, g.Index + 1, $"{what} value '{text}' is not a number.");
            if (float.IsInfinity(v) || !range.Contains(v))
                throw new DataFormatException(file, lineNumber, g.Index + 1, $"{what} value {text} is outside {range}.");
            return v;
        }
    }
}
