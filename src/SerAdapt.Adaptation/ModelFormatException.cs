namespace SerAdapt.Adaptation;

/// <summary>A model folder that is missing, incomplete, corrupt or from another format version; the message names the path.</summary>
public sealed class ModelFormatException : IOException
{
    public ModelFormatException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The folder or file at fault.</summary>
    public string Path { get; }
}
