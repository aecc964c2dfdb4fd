namespace SerAdapt.Data;

/// <summary>
/// Which columns of a generic CSV hold what. <see cref="FeatureColumns"/> chooses the features
/// (comma-separated column names, globs like <c>pcm_*</c>, or ranges <c>FIRST..LAST</c>); when null,
/// every other column whose first non-empty value is numeric is a feature, except columns named
/// like a label or a group (see <see cref="GenericCsv"/>). <see cref="IdColumn"/> null means the
/// first column. The delimiter is detected when null. <see cref="LabelScale"/> is the scale the
/// labels must lie on (and the scale recorded for the corpus).
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
    LabelScale? LabelScale = null,
    string? FeatureColumns = null);
