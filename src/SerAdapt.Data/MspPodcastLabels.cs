namespace SerAdapt.Data;

/// <summary>
/// MSP-Podcast (Lotfian &amp; Busso 2019): <c>Labels/labels_consensus.csv</c> with columns FileName,
/// EmoClass, EmoAct, EmoVal, EmoDom, SpkrID, Gender, Split_Set; the audio is <c>Audios/FileName</c>.
/// Arousal, valence and dominance are consensus ratings on a 1-7 scale. The official split (Train,
/// Development, Test1, ...) is kept as the split column. SpkrID "Unknown" is no speaker: such rows get
/// the speaker "" and so form one group together (never mixed into a known speaker's group).
/// </summary>
public static class MspPodcastLabels
{
    public const string LabelFile = "Labels/labels_consensus.csv";

    public static LabelScales Scales { get; } = LabelScales.Uniform(LabelScale.OneToSeven);

    public static IReadOnlyDictionary<string, string> Emotions { get; } = new Dictionary<string, string>
    {
        ["A"] = "anger", ["S"] = "sadness", ["H"] = "happiness", ["U"] = "surprise", ["F"] = "fear", ["D"] = "disgust",
        ["C"] = "contempt", ["N"] = "neutral", ["O"] = "other", ["X"] = "no agreement",
    };

    /// <summary>The labels of <c>root/Labels/labels_consensus.csv</c>, or of <paramref name="labelFile"/> when given.</summary>
    public static List<UtteranceLabel> Read(string root, string? labelFile = null)
    {
        if (labelFile is null && !Directory.Exists(root)) throw new DirectoryNotFoundException($"MSP-Podcast root not found: {root}");
        var table = NamedCsv.Read(labelFile ?? Path.Combine(root, LabelFile), "FileName", "EmoClass", "EmoAct", "EmoVal", "EmoDom", "SpkrID", "Gender", "Split_Set");
        var scale = Scales.Valence;
        var labels = new List<UtteranceLabel>();
        foreach (var (line, fields) in table.Rows)
        {
            string Field(string column) => fields[table[column]];
            float Rating(string column)
            {
                string text = Field(column);
                if (!TextFields.TryParseNumber(text, out var v) || float.IsInfinity(v))
                    throw new DataFormatException(table.File, line, table[column] + 1, $"{column} '{text}' is not a number.");
                if (!scale.Contains(v))
                    throw new DataFormatException(table.File, line, table[column] + 1, $"{column} {text} of '{Field("FileName")}' is outside the scale {scale}.");
                return v;
            }
            string name = Field("FileName");
            string id = name.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
            if (id.Length == 0) throw new DataFormatException(table.File, line, table["FileName"] + 1, "empty FileName.");
            if (!Emotions.TryGetValue(Field("EmoClass"), out var category))
                throw new DataFormatException(table.File, line, table["EmoClass"] + 1,
                    $"unknown emotion code '{Field("EmoClass")}' (expected one of {string.Join(", ", Emotions.Keys)}).");
            string speaker = Field("SpkrID") is "Unknown" or "" ? "" : Field("SpkrID");
            string gender = Field("Gender") switch { "Male" => "M", "Female" => "F", _ => "" };
            labels.Add(new UtteranceLabel(id, Rating("EmoVal"), Rating("EmoAct"), Rating("EmoDom"), speaker, "", gender, table.File, line, category, Field("Split_Set")));
        }
        if (labels.Count == 0) throw new DataFormatException(table.File, 0, 0, "no label rows.");
        return labels;
    }
}
