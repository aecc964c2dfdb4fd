using System.Globalization;

namespace SerAdapt.Data;

/// <summary>Splitting of delimited text lines with quoted fields, and number parsing, shared by the readers.</summary>
internal static class TextFields
{
    /// <summary>
    /// Splits <paramref name="line"/> at <paramref name="delimiter"/>. A field that starts with ' or "
    /// runs to the matching quote; inside it a doubled quote or a backslash escapes the next character.
    /// Unquoted fields are trimmed. Throws <see cref="FormatException"/> on an unterminated quote.
    /// </summary>
    public static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t' && line[i] != delimiter) i++;
            if (i < line.Length && line[i] is '\'' or '"')
            {
                char quote = line[i++];
                var sb = new System.Text.StringBuilder();
                while (true)
                {
                    if (i >= line.Length) throw new FormatException($"unterminated {quote}quoted{quote} field in field {fields.Count + 1}");
                    char c = line[i++];
                    if (c == '\\' && i < line.Length) sb.Append(line[i++]);
                    else if (c == quote && i < line.Length && line[i] == quote) { sb.Append(quote); i++; }
                    else if (c == quote) break;
                    else sb.Append(c);
                }
                while (i < line.Length && line[i] != delimiter)
                {
                    if (!char.IsWhiteSpace(line[i])) throw new FormatException($"text after the closing quote in field {fields.Count + 1}");
                    i++;
                }
                fields.Add(sb.ToString());
            }
            else
            {
                int end = line.IndexOf(delimiter, i);
                if (end < 0) end = line.Length;
                fields.Add(line[i..end].Trim());
                i = end;
            }
            if (i >= line.Length) return fields;
            i++; // delimiter
        }
    }

    /// <summary>Parses a number; '?', "nan" and "inf" (any case, signed) give NaN/Inf. False when it is not a number.</summary>
    public static bool TryParseNumber(string text, out float value)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        switch (text.ToLowerInvariant())
        {
            case "?" or "nan" or "-nan" or "+nan": value = float.NaN; return true;
            case "inf" or "+inf" or "infinity": value = float.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = float.NegativeInfinity; return true;
            default: value = 0; return false;
        }
    }
}
