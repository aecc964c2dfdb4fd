using System.Globalization;
using System.Text.RegularExpressions;

namespace SerAdapt.Data;

/// <summary>
/// USC-IEMOCAP labels from <c>Session*/dialog/EmoEvaluation/*.txt</c>: each turn's summary line
/// <c>[start - end]&lt;TAB&gt;TURN&lt;TAB&gt;EMO&lt;TAB&gt;[V, A, D]</c> (valence, activation, dominance, 1-5,
/// already averaged over evaluators). The speaker is the session plus the gender letter of the turn
/// name's last part: <c>Ses01F_impro01_M012</c> is speaker Ses01M (a male actor in session 1).
/// </summary>
public static partial class IemocapLabels
{
    /// <summary>The summary line's emotion codes as category names (another code is kept as written).</summary>
    public static IReadOnlyDictionary<string, string> Emotions { get; } = new Dictionary<string, string>
    {
        ["neu"] = "neutral", ["hap"] = "happiness", ["exc"] = "excitement", ["sad"] = "sadness", ["ang"] = "anger", ["fru"] = "frustration",
        ["sur"] = "surprise", ["fea"] = "fear", ["dis"] = "disgust", ["oth"] = "other", ["xxx"] = "no agreement",
    };

    [GeneratedRegex(@"^\[\s*([-+0-9.eE]+)\s*-\s*([-+0-9.eE]+)\s*\]\s+(\S+)\s+(\S+)\s+\[([^\]]*)\]\s*$")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"^Ses(\d\d)[A-Za-z]?_.*_([FM])\d+[a-z]?$")]
    private static partial Regex TurnName();

    /// <summary>All labels under a corpus root (the folder holding Session1..Session5).</summary>
    public static List<UtteranceLabel> Read(string root, LabelScale? range = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"IEMOCAP root not found: {root}");
        var files = Directory.EnumerateDirectories(root, "Session*")
            .Select(s => Path.Combine(s, "dialog", "EmoEvaluation"))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.txt"))
            .Where(f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal)) // macOS resource forks in some copies
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new FileNotFoundException($"No IEMOCAP label files under {root} (expected Session*/dialog/EmoEvaluation/*.txt).");
        var labels = new List<UtteranceLabel>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(file);
            labels.AddRange(Read(reader, file, range ?? LabelScale.OneToFive));
        }
        return labels;
    }

    public static List<UtteranceLabel> Read(TextReader reader, string file, LabelScale range)
    {
        var labels = new List<UtteranceLabel>();
        string? line;
        int lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (!line.StartsWith('[')) continue; // header, evaluator (C-E1:, A-E2:) and blank lines
            var m = SummaryLine().Match(line);
            if (!m.Success)
                throw new DataFormatException(file, lineNumber, 1, "malformed summary line; expected '[start - end]<TAB>TURN<TAB>EMO<TAB>[V, A, D]'.");
            string turn = m.Groups[3].Value;
            var turnMatch = TurnName().Match(turn);
            if (!turnMatch.Success)
                throw new DataFormatException(file, lineNumber, m.Groups[3].Index + 1, $"turn name '{turn}' is not like Ses01F_impro01_M012.");
            var parts = m.Groups[5].Value.Split(',');
            if (parts.Length != 3)
                throw new DataFormatException(file, lineNumber, m.Groups[5].Index + 1, $"expected [V, A, D], found [{m.Groups[5].Value}].");
            var vad = new float[3];
            for (int k = 0; k < 3; k++)
            {
                if (!float.TryParse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture, out vad[k]))
                    throw new DataFormatException(file, lineNumber, m.Groups[5].Index + 1, $"'{parts[k].Trim()}' in [V, A, D] is not a number.");
                if (!range.Contains(vad[k]))
                    throw new DataFormatException(file, lineNumber, m.Groups[5].Index + 1,
                        $"{(k == 0 ? "valence" : k == 1 ? "activation" : "dominance")} {parts[k].Trim()} of '{turn}' is outside {range}.");
            }
            string session = int.Parse(turnMatch.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            string gender = turnMatch.Groups[2].Value;
            labels.Add(new UtteranceLabel(turn, vad[0], vad[1], vad[2], $"Ses{turnMatch.Groups[1].Value}{gender}", session, gender, file, lineNumber,
                Emotions.GetValueOrDefault(m.Groups[4].Value, m.Groups[4].Value)));
        }
        return labels;
    }
}
