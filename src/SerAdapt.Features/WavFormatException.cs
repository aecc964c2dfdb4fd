namespace SerAdapt.Features;

/// <summary>A file that is not a readable WAV file: not RIFF/RIFX, truncated or malformed.
/// The message names the file.</summary>
public class WavFormatException : Exception
{
    public WavFormatException(string filePath, string problem)
        : base($"{filePath}: {problem}")
    {
        FilePath = filePath;
        Problem = problem;
    }

    public string FilePath { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
