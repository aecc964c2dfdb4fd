namespace SerAdapt.Adaptation;

/// <summary>A model could not be saved where asked; it was kept in <see cref="KeptIn"/> instead, which the message names.</summary>
public sealed class ModelSaveException(string directory, string keptIn, Exception cause)
    : IOException($"could not save the model to {directory} ({cause.Message}); it is kept in {keptIn}: copy that folder where you want it.", cause)
{
    public string Directory { get; } = directory;
    public string KeptIn { get; } = keptIn;
}
