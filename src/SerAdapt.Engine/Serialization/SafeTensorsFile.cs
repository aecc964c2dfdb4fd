namespace SerAdapt.Engine;

/// <summary>The contents of a safetensors file: named float32 tensors (in file order) and the string metadata.</summary>
public sealed class SafeTensorsFile(IReadOnlyDictionary<string, TensorData> tensors, IReadOnlyDictionary<string, string> metadata)
{
    public IReadOnlyDictionary<string, TensorData> Tensors { get; } = tensors;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    /// <summary>The tensor named <paramref name="name"/>; a missing name throws naming it.</summary>
    public TensorData this[string name] => Tensors.TryGetValue(name, out var t)
        ? t
        : throw new KeyNotFoundException($"No tensor named '{name}' in the safetensors file.");
}
