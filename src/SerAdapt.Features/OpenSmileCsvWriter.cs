using SerAdapt.Files;

namespace SerAdapt.Features;

/// <summary>
/// Writes functionals as openSMILE's cCsvSink does (-csvoutput): ';'-separated, a header
/// "name;frameTime;feature names", then per instance "'name';0.000000;values", where a value
/// that is an exact integer is printed as an integer and any other in "%e". For a single
/// instance the output is byte-identical to SMILExtract with -appendcsv 0.
/// </summary>
public static class OpenSmileCsvWriter
{
    /// <summary>Writes the file at <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IReadOnlyList<string> featureNames, IEnumerable<FeatureRow> rows) =>
        AtomicFile.WriteText(path, w => Write(w, featureNames, rows));

    public static void Write(TextWriter writer, IReadOnlyList<string> featureNames, IEnumerable<FeatureRow> rows)
    {
        WriteHeader(writer, featureNames);
        foreach (var row in rows)
        {
            if (row.Values.Length != featureNames.Count)
                throw new ArgumentException($"Row '{row.Name}' has {row.Values.Length} values, the header {featureNames.Count} features.", nameof(rows));
            WriteRow(writer, row.Name, 0, row.Values);
        }
    }

    internal static void WriteHeader(TextWriter writer, IReadOnlyList<string> names)
    {
        writer.Write("name;frameTime");
        foreach (var name in names)
        {
            writer.Write(';');
            writer.Write(name);
        }
        writer.Write('\n');
    }

    internal static void WriteRow(TextWriter writer, string name, double frameTime, ReadOnlySpan<float> values)
    {
        writer.Write('\'');
        writer.Write(name);
        writer.Write("';");
        writer.Write(OpenSmileNumberFormat.Fixed(frameTime));
        foreach (float v in values)
        {
            writer.Write(';');
            OpenSmileNumberFormat.WriteCsv(writer, v);
        }
        writer.Write('\n');
    }
}
