namespace SerAdapt.Data;

/// <summary>
/// One utterance's labels from a corpus label file, with where they were read (for error messages):
/// the label file and line, or the audio file (line 0) for corpora whose file names are the labels.
/// <paramref name="Category"/> is the emotion category ("" if none), <paramref name="Split"/> the corpus's official partition.
/// </summary>
public sealed record UtteranceLabel(
    string Id,
    float Valence,
    float Arousal,
    float Dominance,
    string Speaker,
    string Session,
    string Gender,
    string File,
    int Line,
    string Category = "",
    string Split = "");
