namespace SerAdapt.Data;

/// <summary>
/// Which columns of a generic CSV hold what. Every other column whose first non-empty value is
/// numeric is a feature. <see cref="IdColumn"/> null means the first column. The delimiter is detected when null.
/// </summary>
public sealed record GenericCsvOptions(
    string? IdColumn = null,
    string? LabelColumn = null,
    string? ArousalColumn = null,
    string? DominanceColumn = null,
    string? SpeakerColumn = null,
    string? SessionColumn = null,
    string? GenderColumn = null,
    char? Delimiter = null,
    LabelRange? LabelRange = null);
