namespace SerAdapt.Data;

/// <summary>
/// Bad input in a data file; the message starts with <c>file:line:column</c> (line and column are
/// 1-based; 0 when unknown) so the user can jump to the spot.
/// </summary>
public class DataFormatException : Exception
{
    public DataFormatException(string file, int line, int column, string message)
        : base(Format(file, line, column, message))
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }
    public int Line { get; }
    public int Column { get; }

    private static string Format(string file, int line, int column, string message)
    {
        if (line > 0) return column > 0 ? $"{file}:{line}:{column}: {message}" : $"{file}:{line}: {message}";
        return column > 0 ? $"{file} (column {column}): {message}" : $"{file}: {message}";
    }
}
