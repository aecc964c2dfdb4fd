namespace SerAdapt.Experiments;

/// <summary>A setting of <see cref="ExperimentConfig"/> out of range; <see cref="Key"/> is its kebab-case name.</summary>
public sealed class InvalidSettingException(string key, string message) : ArgumentException(message)
{
    public string Key { get; } = key;
}
