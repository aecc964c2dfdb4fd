namespace SerAdapt.Adaptation;

/// <summary>How the epoch whose weights a fit returns is chosen.</summary>
public enum ModelSelection
{
    /// <summary>Train <see cref="TrainingOptions.Epochs"/> epochs and keep the last weights.</summary>
    FixedEpochs,

    /// <summary>
    /// Hold out <see cref="TrainingOptions.ValidationFraction"/> of the SOURCE, keep the weights of
    /// the epoch with the lowest source-validation MSE, stop after <see cref="TrainingOptions.Patience"/>
    /// epochs without improvement. Uses no target labels.
    /// </summary>
    SourceValidation,

    /// <summary>
    /// Pick the epoch by target CCC. Uses the target's labels, so results are optimistic; the model
    /// and every output made with it say so.
    /// </summary>
    Oracle,
}
