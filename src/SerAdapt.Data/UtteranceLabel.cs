namespace SerAdapt.Data;

/// <summary>One utterance's labels from a corpus label file, with where they were read (for error messages).</summary>
public sealed record UtteranceLabel(
    string Id,
    float Valence,
    float Arousal,
    float Dominance,
    string Speaker,
    string Session,
    string Gender,
    string File,
    int Line);
