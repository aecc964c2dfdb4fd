namespace SerAdapt.Data;

/// <summary>
/// Bad input in a data file; the message starts with <c>file:line:column</c> (line and column are
/// 1-based; 0 when unknown) so the user can jump to the spot.
/// </summary>
public sealed class DataFormatException : Exception
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
        string where = file;
        if (line > 0) where += $":{line}";
        if (column > 0) where += $":{column}";
        return $"{where}: {message}";
    }
}
