using System.IO.Enumeration;

namespace SerAdapt.Data;

/// <summary>
/// Reads a generic CSV of features (one row per utterance, a header row). The delimiter (',', ';',
/// tab or '|') is the one that splits the header into the most fields unless given. Named columns
/// give id, labels, speaker, session and gender. The features are the columns chosen by
/// <see cref="GenericCsvOptions.FeatureColumns"/>, or else every other column whose first non-empty
/// value is a number, except columns named like a label (valence, arousal, dominance, activation,
/// EmoVal, EmoAct, EmoDom: they would leak the label into the features) or like a group (speaker,
/// session, gender, split: numeric speaker ids are groups, never features); those are listed in a
/// warning. An empty field in a feature is a missing value (NaN); other text columns, and columns
/// empty in every row, are ignored (with a warning).
/// </summary>
public static class GenericCsv
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>Rows held back at most while a column has shown no value yet.</summary>
    public const int MaxUndecidedRows = 1000;

    // NotFeature: the id, label and group columns, and those excluded by name or left out of --features.
    private enum ColumnKind { Unknown, NotFeature, Number, Text }

    private static readonly string[] LabelWords = ["valence", "arousal", "dominance", "activation"];
    private static readonly string[] LabelNames = ["emoval", "emoact", "emodom"];
    private static readonly string[] GroupNames =
        ["speaker", "speakerid", "spk", "spkid", "spkr", "spkrid", "session", "sessionid", "sess", "gender", "sex", "split", "splitset"];

    /// <summary>Why a column is not a feature by default, or null: named like a label or like a group.</summary>
    public static string? DefaultExclusion(string column)
    {
        string lower = column.ToLowerInvariant();
        if (LabelWords.Any(lower.Contains) || LabelNames.Contains(lower)) return "named like a label";
        string bare = new(lower.Where(char.IsLetterOrDigit).ToArray());
        return GroupNames.Contains(bare) ? "named like a group column" : null;
    }

    /// <summary>
    /// The header columns chosen by <paramref name="selection"/>: comma-separated names, globs (* and ?)
    /// or ranges FIRST..LAST (inclusive, in header order). Each item must match at least one column.
    /// </summary>
    public static HashSet<int> SelectColumns(IReadOnlyList<string> header, string selection)
    {
        var chosen = new HashSet<int>();
        foreach (var raw in selection.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int range = raw.IndexOf("..", StringComparison.Ordinal);
            if (range >= 0)
            {
                int first = IndexOf(raw[..range]), last = IndexOf(raw[(range + 2)..]);
                if (last < first) throw new FormatException($"--features range '{raw}': '{header[last]}' comes before '{header[first]}'.");
                for (int k = first; k <= last; k++) chosen.Add(k);
            }
            else
            {
                var matches = Enumerable.Range(0, header.Count).Where(k => FileSystemName.MatchesSimpleExpression(raw, header[k], ignoreCase: false)).ToList();
                if (matches.Count == 0) throw new FormatException($"--features '{raw}' matches no column.");
                chosen.UnionWith(matches);
            }
        }
        if (chosen.Count == 0) throw new FormatException($"--features '{selection}' chooses no column.");
        return chosen;

        int IndexOf(string name)
        {
            int k = header.ToList().IndexOf(name.Trim());
            return k >= 0 ? k : throw new FormatException($"--features range: no column '{name.Trim()}'.");
        }
    }

    public static FeatureTable Read(string path, GenericCsvOptions options)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Feature file not found: {path}", path);
        using var reader = new StreamReader(path);
        return Read(reader, path, options);
    }

    public static char DetectDelimiter(string headerLine) =>
        Candidates.MaxBy(c => Count(headerLine, c)) is var best && Count(headerLine, best) > 0 ? best : ',';

    public static FeatureTable Read(TextReader reader, string source, GenericCsvOptions options)
    {
        int lineNumber = 0;
        string? line;
        do { line = reader.ReadLine(); lineNumber++; } while (line is not null && line.Trim().Length == 0);
        if (line is null) throw new DataFormatException(source, 0, 0, "empty file.");
        char delimiter = options.Delimiter ?? DetectDelimiter(line);
        var header = Split(line, delimiter, source, lineNumber);
        int headerLine = lineNumber;

        int Column(string? name, string option, bool required = false)
        {
            if (name is null)
            {
                if (required) throw new DataFormatException(source, headerLine, 0, $"no column given for {option}.");
                return -1;
            }
            int k = header.IndexOf(name);
            if (k < 0)
                throw new DataFormatException(source, headerLine, 0,
                    $"no column '{name}' ({option}); the header has {string.Join(", ", header.Take(8).Select(h => $"'{h}'"))}{(header.Count > 8 ? ", ..." : "")}.");
            return k;
        }

        int id = options.IdColumn is null ? 0 : Column(options.IdColumn, "--id");
        int valence = Column(options.LabelColumn, "--label"), arousal = Column(options.ArousalColumn, "--arousal"),
            dominance = Column(options.DominanceColumn, "--dominance"), speaker = Column(options.SpeakerColumn, "--speaker"),
            session = Column(options.SessionColumn, "--session"), gender = Column(options.GenderColumn, "--gender");
        var named = new HashSet<int> { id, valence, arousal, dominance, speaker, session, gender };
        var warnings = new List<string>();
        int[] labelColumns = [valence, arousal, dominance];

        List<int>? featureIndex = null;
        FeatureRowCollector? rows = null;
        var labels = new List<float>[3] { [], [], [] };
        var texts = new List<string>[3] { [], [], [] };
        int[] textColumns = [speaker, session, gender];
        // A column's kind (number or text) is that of its first non-empty value; rows are held back
        // until every column has shown one (or MaxUndecidedRows rows have passed).
        var kinds = new ColumnKind[header.Count];
        foreach (int k in named) if (k >= 0) kinds[k] = ColumnKind.NotFeature;
        HashSet<int>? chosen = null;
        if (options.FeatureColumns is { } selection)
        {
            try { chosen = SelectColumns(header, selection); }
            catch (FormatException ex) { throw new DataFormatException(source, headerLine, 0, ex.Message); }
            foreach (int k in named)
                if (k >= 0 && chosen.Contains(k))
                    throw new DataFormatException(source, headerLine, k + 1, $"--features chooses '{header[k]}', which is the id, a label or a group column.");
            for (int k = 0; k < header.Count; k++)
                if (!chosen.Contains(k)) kinds[k] = ColumnKind.NotFeature;
        }
        else
        {
            var excluded = Enumerable.Range(0, header.Count)
                .Where(k => kinds[k] == ColumnKind.Unknown && DefaultExclusion(header[k]) is not null).ToList();
            foreach (int k in excluded) kinds[k] = ColumnKind.NotFeature;
            if (excluded.Count > 0)
                warnings.Add($"{source}: not used as features: {string.Join(", ", excluded.Select(k => $"'{header[k]}' ({DefaultExclusion(header[k])})"))}; " +
                    "--features chooses the feature columns explicitly.");
        }
        var pending = new List<(int Line, List<string> Fields)>();

        void Decide(bool end)
        {
            var undecided = Enumerable.Range(0, header.Count).Where(k => kinds[k] == ColumnKind.Unknown).ToList();
            featureIndex = Enumerable.Range(0, header.Count).Where(k => kinds[k] == ColumnKind.Number).ToList();
            var text = Enumerable.Range(0, header.Count).Where(k => kinds[k] == ColumnKind.Text).ToList();
            if (chosen is not null && text.Count > 0)
                throw new DataFormatException(source, pending.Count > 0 ? pending[0].Line : lineNumber, text[0] + 1, $"column '{header[text[0]]}' chosen by --features is not numeric.");
            var ignored = text.Select(k => header[k]).ToList();
            if (ignored.Count > 0) warnings.Add($"{source}: ignored non-numeric column(s) {string.Join(", ", ignored.Select(h => $"'{h}'"))}.");
            if (undecided.Count > 0)
                warnings.Add($"{source}: ignored column(s) {string.Join(", ", undecided.Select(k => $"'{header[k]}'"))}, empty in " +
                    (end ? "every row." : $"the first {MaxUndecidedRows} rows."));
            if (featureIndex.Count == 0) throw new DataFormatException(source, pending.Count > 0 ? pending[0].Line : lineNumber, 0, "no numeric feature columns.");
            rows = new FeatureRowCollector(source, featureIndex.Select(k => header[k]).ToArray(), featureIndex.Select(k => k + 1).ToArray());
            foreach (var (line, fields) in pending) AddRow(line, fields);
            pending.Clear();
        }

        void AddRow(int line, List<string> fields)
        {
            var values = new float[featureIndex!.Count];
            for (int f = 0; f < values.Length; f++)
            {
                int k = featureIndex[f];
                string text = fields[k].Trim();
                if (text.Length == 0) values[f] = float.NaN; // missing (pandas writes NaN as an empty field)
                else if (!TextFields.TryParseNumber(text, out values[f]))
                    throw new DataFormatException(source, line, k + 1, $"column '{header[k]}' is not a number: '{fields[k]}'.");
            }
            var rowLabels = new float[3];
            for (int c = 0; c < 3; c++)
            {
                int k = labelColumns[c];
                rowLabels[c] = float.NaN;
                if (k < 0) continue;
                if (fields[k].Length > 0 && !TextFields.TryParseNumber(fields[k], out rowLabels[c]))
                    throw new DataFormatException(source, line, k + 1, $"label column '{header[k]}' is not a number: '{fields[k]}'.");
                if (float.IsInfinity(rowLabels[c]) || (options.LabelScale is { } range && !range.Contains(rowLabels[c])))
                    throw new DataFormatException(source, line, k + 1, $"label '{header[k]}' = {fields[k]} is outside the range {options.LabelScale}.");
            }
            if (!rows!.Add(fields[id], line, values, rowLabels)) return;
            for (int c = 0; c < 3; c++)
                if (labelColumns[c] >= 0) labels[c].Add(rowLabels[c]);
            for (int c = 0; c < 3; c++)
                if (textColumns[c] >= 0) texts[c].Add(fields[textColumns[c]]);
        }

        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = Split(line, delimiter, source, lineNumber);
            if (fields.Count != header.Count)
                throw new DataFormatException(source, lineNumber, 0, $"expected {header.Count} fields (as in the header), found {fields.Count}.");
            if (featureIndex is not null)
            {
                AddRow(lineNumber, fields);
                continue;
            }
            for (int k = 0; k < header.Count; k++)
                if (kinds[k] == ColumnKind.Unknown && fields[k].Trim().Length > 0)
                    kinds[k] = TextFields.TryParseNumber(fields[k].Trim(), out _) ? ColumnKind.Number : ColumnKind.Text;
            pending.Add((lineNumber, fields));
            if (!kinds.Contains(ColumnKind.Unknown) || pending.Count >= MaxUndecidedRows) Decide(end: false);
        }
        if (featureIndex is null && pending.Count > 0) Decide(end: true);
        if (rows is null) throw new DataFormatException(source, lineNumber, 0, "no data rows (an empty corpus).");
        var table = rows.Build(hasClassLabel: false);
        table.Warnings.AddRange(warnings);
        return new FeatureTable(source, table.Ids, table.Lines, table.FeatureNames, table.Values)
        {
            FeatureFields = table.FeatureFields,
            Valence = valence >= 0 ? [.. labels[0]] : null,
            Arousal = arousal >= 0 ? [.. labels[1]] : null,
            Dominance = dominance >= 0 ? [.. labels[2]] : null,
            Speakers = speaker >= 0 ? [.. texts[0]] : null,
            Sessions = session >= 0 ? [.. texts[1]] : null,
            Genders = gender >= 0 ? [.. texts[2]] : null,
            LabelScale = options.LabelScale,
            Warnings = table.Warnings,
        };
    }

    private static List<string> Split(string line, char delimiter, string source, int lineNumber)
    {
        try { return TextFields.Split(line, delimiter); }
        catch (FormatException ex) { throw new DataFormatException(source, lineNumber, 0, ex.Message + "."); }
    }

    private static int Count(string line, char c) => line.Count(x => x == c);
}
