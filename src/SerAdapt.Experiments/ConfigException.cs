namespace SerAdapt.Experiments;

/// <summary>A bad experiment configuration file; the message names the file, line and column.</summary>
public sealed class ConfigException(string path, int line, int column, string problem)
    : Exception($"{path}:{line}:{column}: {problem}")
{
    public string Path { get; } = path;
    public int Line { get; } = line;
    public int Column { get; } = column;
}
