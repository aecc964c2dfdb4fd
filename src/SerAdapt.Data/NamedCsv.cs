namespace SerAdapt.Data;

/// <summary>
/// A comma-separated label file read by column name (MSP-Podcast's labels_consensus.csv, CREMA-D's
/// summaryTable.csv): the header must have every required column; each row must have as many fields.
/// </summary>
internal sealed class NamedCsv
{
    private readonly Dictionary<string, int> _columns;

    private NamedCsv(string file, Dictionary<string, int> columns, List<(int Line, List<string> Fields)> rows)
    {
        File = file;
        _columns = columns;
        Rows = rows;
    }

    public string File { get; }
    public List<(int Line, List<string> Fields)> Rows { get; }

    /// <summary>0-based index of <paramref name="column"/>.</summary>
    public int this[string column] => _columns[column];

    public static NamedCsv Read(string file, params string[] required)
    {
        if (!System.IO.File.Exists(file)) throw new FileNotFoundException($"Label file not found: {file}", file);
        var lines = System.IO.File.ReadAllLines(file);
        int headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0) throw new DataFormatException(file, 0, 0, "empty file.");
        var header = Split(lines[headerIndex], headerIndex + 1);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < header.Count; k++) columns.TryAdd(header[k], k);
        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new DataFormatException(file, headerIndex + 1, 0, $"no column {string.Join(", ", missing.Select(c => $"'{c}'"))} in the header (expected {string.Join(",", required)}).");
        var rows = new List<(int, List<string>)>();
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = Split(lines[i], i + 1);
            if (fields.Count != header.Count)
                throw new DataFormatException(file, i + 1, 0, $"expected {header.Count} fields (as in the header), found {fields.Count}.");
            rows.Add((i + 1, fields));
        }
        return new NamedCsv(file, columns, rows);

        List<string> Split(string line, int number)
        {
            try { return TextFields.Split(line.TrimEnd('\r'), ','); }
            catch (FormatException ex) { throw new DataFormatException(file, number, 0, ex.Message + "."); }
        }
    }
}
