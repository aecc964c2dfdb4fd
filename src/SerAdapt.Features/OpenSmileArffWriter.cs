using SerAdapt.Files;

namespace SerAdapt.Features;

/// <summary>
/// Writes functionals as openSMILE's cArffSink does, so that files of either tool are
/// interchangeable: "@relation openSMILE_features", a string attribute "name", one numeric
/// attribute per feature, a numeric "class" attribute, "@data", then one line per instance
/// (name, values in "%e", class or "?"). For a single instance the output is byte-identical to
/// SMILExtract -O with -appendarff 0; more instances are the lines SMILExtract appends.
/// </summary>
public static class OpenSmileArffWriter
{
    public const string DefaultRelation = "openSMILE_features";

    /// <summary>Writes the file at <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IReadOnlyList<string> featureNames, IEnumerable<FeatureRow> rows, string relation = DefaultRelation) =>
        AtomicFile.WriteText(path, w => Write(w, featureNames, rows, relation));

    public static void Write(TextWriter writer, IReadOnlyList<string> featureNames, IEnumerable<FeatureRow> rows, string relation = DefaultRelation)
    {
        WriteHeader(writer, featureNames, relation);
        foreach (var row in rows) WriteRow(writer, featureNames.Count, row);
    }

    public static void WriteHeader(TextWriter writer, IReadOnlyList<string> featureNames, string relation = DefaultRelation)
    {
        writer.Write($"@relation {relation}\n\n@attribute name string\n");
        foreach (var name in featureNames) writer.Write($"@attribute {name} numeric\n");
        writer.Write("@attribute class numeric\n\n@data\n\n");
    }

    public static void WriteRow(TextWriter writer, int featureCount, FeatureRow row)
    {
        if (row.Values.Length != featureCount)
            throw new ArgumentException($"Row '{row.Name}' has {row.Values.Length} values, the header {featureCount} features.", nameof(row));
        writer.Write(QuoteIfNeeded(row.Name));
        foreach (float v in row.Values)
        {
            writer.Write(',');
            OpenSmileNumberFormat.WriteExponent(writer, v);
        }
        writer.Write(',');
        writer.Write(row.Class ?? "?");
        writer.Write('\n');
    }

    // openSMILE writes the name bare; names that ARFF readers would split are quoted (Weka style).
    private static string QuoteIfNeeded(string name) =>
        name.Length > 0 && name.AsSpan().IndexOfAny(" ,'\"{}%\t\\") < 0
            ? name
            : "'" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
