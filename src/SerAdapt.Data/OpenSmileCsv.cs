namespace SerAdapt.Data;

/// <summary>
/// Reads openSMILE CSV output (-csvoutput): ';'-separated, a header <c>name;frameTime;feature...</c>,
/// instance names in single quotes, an optional numeric <c>class</c> column (read as valence).
/// A repeated header line (an appended run) is skipped, and repeated identical instances dropped.
/// </summary>
public static class OpenSmileCsv
{
    public const char Delimiter = ';';

    /// <summary>True when the first line looks like openSMILE CSV output (<c>name;frameTime;...</c>).</summary>
    public static bool LooksLikeOpenSmile(string firstLine) =>
        firstLine.StartsWith("name;frameTime;", StringComparison.Ordinal);

    public static FeatureTable Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Feature file not found: {path}", path);
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static FeatureTable Read(TextReader reader, string source)
    {
        string? headerLine = null;
        List<string> header = [];
        FeatureRowCollector? rows = null;
        int[] featureIndex = [];
        int classIndex = -1;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            List<string> fields;
            try { fields = TextFields.Split(line, Delimiter); }
            catch (FormatException ex) { throw new DataFormatException(source, lineNumber, 0, ex.Message + "."); }
            if (headerLine is null)
            {
                headerLine = line;
                header = fields;
                if (header.Count < 2 || header[0] != "name")
                    throw new DataFormatException(source, lineNumber, 1, $"expected an openSMILE header 'name;frameTime;...', found '{Shorten(line)}'.");
                classIndex = header.IndexOf("class");
                featureIndex = Enumerable.Range(1, header.Count - 1).Where(k => header[k] != "frameTime" && k != classIndex).ToArray();
                if (featureIndex.Length == 0) throw new DataFormatException(source, lineNumber, 0, "no feature columns.");
                rows = new FeatureRowCollector(source, featureIndex.Select(k => header[k]).ToArray(), featureIndex.Select(k => k + 1).ToArray());
                continue;
            }
            if (line == headerLine)
            {
                rows!.Warnings.Add($"{source}:{lineNumber}: a repeated header (appended run) starts here.");
                continue;
            }
            if (fields.Count != header.Count)
                throw new DataFormatException(source, lineNumber, 0, $"expected {header.Count} fields (as in the header), found {fields.Count}.");
            var values = new float[featureIndex.Length];
            for (int f = 0; f < featureIndex.Length; f++)
            {
                int k = featureIndex[f];
                if (!TextFields.TryParseNumber(fields[k], out values[f]))
                    throw new DataFormatException(source, lineNumber, k + 1, $"column '{header[k]}' is not a number: '{fields[k]}'.");
            }
            float classValue = float.NaN;
            if (classIndex >= 0) TextFields.TryParseNumber(fields[classIndex], out classValue);
            rows!.Add(fields[0], lineNumber, values, classValue);
        }
        if (rows is null) throw new DataFormatException(source, 0, 0, "empty file.");
        return rows.Build(hasClassLabel: classIndex >= 0);
    }

    internal static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
