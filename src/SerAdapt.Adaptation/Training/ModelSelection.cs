namespace SerAdapt.Adaptation;

/// <summary>How the epoch whose weights a fit returns is chosen (the <c>selection</c> setting).</summary>
public enum ModelSelection
{
    /// <summary>Train <see cref="TrainingOptions.Epochs"/> epochs and keep the last weights.</summary>
    [SettingValue("fixed", "the last epoch")]
    FixedEpochs,

    /// <summary>
    /// Hold out <see cref="TrainingOptions.ValidationFraction"/> of the SOURCE, keep the weights of
    /// the epoch with the lowest source-validation MSE, stop after <see cref="TrainingOptions.Patience"/>
    /// epochs without improvement. Uses no target labels.
    /// </summary>
    [SettingValue("source-val", "the epoch with the lowest MSE on held-out source rows")]
    SourceValidation,

    /// <summary>
    /// Importance-weighted validation (<see cref="ImportanceWeightedValidation"/>): the held-out source MSE
    /// weighted by p_t(x)/p_s(x) from a domain classifier on the input features. Uses no target labels.
    /// </summary>
    [SettingValue("iwcv", "the epoch with the lowest importance-weighted held-out source MSE (input features)")]
    ImportanceWeighted,

    /// <summary>
    /// Deep Embedded Validation (<see cref="DeepEmbeddedValidation"/>): importance weights on the model's encoder
    /// features, with a control variate. Uses no target labels.
    /// </summary>
    [SettingValue("dev", "the epoch with the lowest Deep Embedded Validation risk (encoder features)")]
    DeepEmbedded,

    /// <summary>
    /// Pick the epoch by target CCC. Uses the target's labels, so results are optimistic; the model
    /// and every output made with it say so.
    /// </summary>
    [SettingValue("oracle", "the epoch with the best target CCC: uses target labels, results are optimistic")]
    Oracle,
}
