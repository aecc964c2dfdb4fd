namespace SerAdapt.Engine;

/// <summary>
/// A safetensors file that cannot be read: truncated, a bad header, an unknown dtype, or data
/// offsets out of range. The message names the file, the tensor (when one is involved) and the
/// byte offset in the file where the problem is.
/// </summary>
public sealed class SafeTensorsFormatException : IOException
{
    public SafeTensorsFormatException(string path, string? tensor, long byteOffset, string problem)
        : base($"{path}: {(tensor is null ? "" : $"tensor '{tensor}': ")}{problem} (byte offset {byteOffset}).")
    {
        Path = path;
        Tensor = tensor;
        ByteOffset = byteOffset;
    }

    public string Path { get; }
    public string? Tensor { get; }
    public long ByteOffset { get; }
}
