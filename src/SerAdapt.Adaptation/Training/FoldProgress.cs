namespace SerAdapt.Adaptation;

/// <summary>
/// Where a cross-validated training (Train-on-Target) is: fold <see cref="Fold"/> of <see cref="Folds"/>
/// (1-based; 0 for the final model trained on every row afterwards), epoch <see cref="Epoch"/> of that
/// fold's <see cref="Epochs"/>.
/// </summary>
public readonly record struct FoldProgress(int Fold, int Folds, int Epoch, int Epochs)
{
    public override string ToString() => Fold == 0
        ? $"final model, epoch {Epoch}/{Epochs}"
        : $"fold {Fold}/{Folds}, epoch {Epoch}/{Epochs}";
}
