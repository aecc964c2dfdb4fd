namespace SerAdapt.Adaptation;

/// <summary>
/// A setting out of its range. <see cref="Key"/> is the setting's declared name and <see cref="Problem"/>
/// what is wrong with its value; the command line says <c>--key</c>, a config file its line and column.
/// </summary>
public sealed class InvalidSettingException(string key, string problem) : ArgumentException($"{key} {problem}")
{
    public string Key { get; } = key;

    /// <summary>E.g. "must be at least 1, got 0."</summary>
    public string Problem { get; } = problem;
}
