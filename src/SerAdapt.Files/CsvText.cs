namespace SerAdapt.Files;

/// <summary>CSV text as every SerAdapt writer produces it (RFC 4180).</summary>
public static class CsvText
{
    /// <summary>The field as written: quoted, with doubled quotes, when it holds a comma, a quote or a line break.</summary>
    public static string Field(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
