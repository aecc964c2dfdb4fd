namespace SerAdapt.Adaptation;

/// <summary>
/// Settings shared by every method; the defaults are the MRD paper's (Interspeech 2019). Each is
/// declared once here (<see cref="SettingAttribute"/>): its name is the command-line flag, the YAML key
/// and the model.json key.
/// </summary>
public sealed record TrainingOptions
{
    [Setting("epochs", "Maximum epochs (paper: up to 100)", Min = 1)]
    public int Epochs { get; init; } = 100;

    [Setting("lr", "Adam learning rate (paper: 5e-5 to 5e-4)", Min = 0, MinExclusive = true)]
    public float LearningRate { get; init; } = 1e-4f;

    [Setting("batch-size", "Mini-batch size (batch normalisation needs 2 rows)", Min = 2)]
    public int BatchSize { get; init; } = 64;

    [Setting("width", "Width of every hidden layer (paper: 1024)", Min = 1)]
    public int Width { get; init; } = 1024;

    [Setting("encoder-layers", "Hidden blocks of the encoder E (paper: 4)", Min = 1)]
    public int EncoderLayers { get; init; } = 4;

    [Setting("dropout", "Dropout probability of every hidden block", Min = 0, Max = 1, MaxExclusive = true)]
    public float Dropout { get; init; } = 0.5f;

    [Setting("seed", "Seed of initialisation, shuffling and dropout (an experiment derives every run's seed from it)")]
    public int Seed { get; init; } = 0;

    [Setting("selection", "How the kept epoch is chosen")]
    public ModelSelection Selection { get; init; } = ModelSelection.SourceValidation;

    [Setting("validation-fraction", "source-val, iwcv, dev: part of the SOURCE held out", Min = 0, MinExclusive = true, Max = 1, MaxExclusive = true)]
    public float ValidationFraction { get; init; } = 0.1f;

    [Setting("patience", "source-val, iwcv, dev: epochs without improvement before stopping", Min = 1)]
    public int Patience { get; init; } = 10;

    [Setting("threads", "Worker threads for the matrix kernels, 0 = all cores (speed only)", Min = 0, AffectsResults = false)]
    public int Threads { get; init; } = 0;

    /// <summary>
    /// Score every label-free criterion (source-val, iwcv, dev) after each epoch into the model's
    /// <see cref="ValenceModel.History"/>, not only the selection's: the source is split as for source-val
    /// and training runs every epoch (no early stopping), so each criterion sees the same epochs. Used by grids.
    /// </summary>
    public bool ScoreEveryCriterion { get; init; }

    /// <summary>Record the target CCC after each epoch in the history where the target has labels (marked as using them; never used to choose).</summary>
    public bool MeasureTargetCcc { get; init; }

    /// <summary>Throws <see cref="InvalidSettingException"/> naming the first invalid setting.</summary>
    public void Validate() => Settings.Validate(this);
}
