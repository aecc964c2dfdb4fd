using System.Globalization;
using System.Text;
using SerAdapt.Data;
using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Cli.Adaptation;

/// <summary>
/// Prediction CSV files: header <c>id,LABEL</c> where LABEL names what is predicted (<c>valence</c>, ...,
/// or <c>prediction</c> when unknown; see <see cref="ModelLabel"/>), then <c>f1,f2</c> for MRD's two heads;
/// one row per utterance, numbers with invariant culture and round-trip precision; written whole or not at all.
/// </summary>
internal static class PredictionFile
{
    public static void Write(string path, string column, IReadOnlyList<string> ids, float[] prediction, float[][] heads)
    {
        bool withHeads = heads.Length > 1;
        var text = new StringBuilder();
        text.Append("id,").Append(CsvText.Field(column));
        for (int h = 0; withHeads && h < heads.Length; h++) text.Append(",f").Append(h + 1);
        text.Append('\n');
        for (int i = 0; i < prediction.Length; i++)
        {
            text.Append(CsvText.Field(ids[i])).Append(',').Append(Number(prediction[i]));
            for (int h = 0; withHeads && h < heads.Length; h++) text.Append(',').Append(Number(heads[h][i]));
            text.Append('\n');
        }
        byte[] bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        AtomicFile.WriteStream(path, s => s.Write(bytes));
    }

    /// <summary>
    /// Reads the id column and the prediction column: <c>prediction</c> if the header has it (Label null),
    /// else the first other column that is not a head (<c>f1</c>, <c>f2</c>, ...), whose name is the Label.
    /// A malformed, non-finite or repeated row fails naming file and line.
    /// </summary>
    public static (string[] Ids, float[] Prediction, string? Label) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Predictions file not found: {path}", path);
        var ids = new List<string>();
        var values = new List<float>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0, idColumn = -1, predictionColumn = -1;
        string? label = null;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = Split(line);
            if (idColumn < 0)
            {
                idColumn = fields.IndexOf("id");
                predictionColumn = fields.IndexOf(ModelLabel.GenericColumn);
                if (predictionColumn < 0)
                {
                    predictionColumn = fields.FindIndex(f => f != "id" && !IsHead(f));
                    if (predictionColumn >= 0) label = fields[predictionColumn];
                }
                if (idColumn < 0 || predictionColumn < 0)
                    throw new DataFormatException(path, lineNumber, 1,
                        $"the header needs the column 'id' and a prediction column ('{ModelLabel.GenericColumn}', or the label's name such as 'valence').");
                continue;
            }
            if (fields.Count <= Math.Max(idColumn, predictionColumn))
                throw new DataFormatException(path, lineNumber, 1, $"{fields.Count} fields, the header has more.");
            if (!float.TryParse(fields[predictionColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out float v))
                throw new DataFormatException(path, lineNumber, predictionColumn + 1, $"'{fields[predictionColumn]}' is not a number.");
            if (!float.IsFinite(v))
                throw new DataFormatException(path, lineNumber, predictionColumn + 1, $"'{fields[predictionColumn]}' is not a finite number.");
            if (!firstLine.TryAdd(fields[idColumn], lineNumber))
                throw new DataFormatException(path, lineNumber, idColumn + 1, $"id '{fields[idColumn]}' is already predicted on line {firstLine[fields[idColumn]]}.");
            ids.Add(fields[idColumn]);
            values.Add(v);
        }
        if (idColumn < 0) throw new DataFormatException(path, 1, 1, "the file is empty.");
        return ([.. ids], [.. values], label);
    }

    // A head column as Write names them: f1, f2, ...
    private static bool IsHead(string column) => column.Length > 1 && column[0] == 'f' && column[1..].All(char.IsAsciiDigit);

    private static string Number(float v) => v.ToString("R", CultureInfo.InvariantCulture);

    // RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes).
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
