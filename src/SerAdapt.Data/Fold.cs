namespace SerAdapt.Data;

/// <summary>One speaker-independent split: train on <see cref="Train"/>, test on <see cref="Test"/> (row indices).</summary>
public sealed record Fold(string Name, int[] Train, int[] Test);
