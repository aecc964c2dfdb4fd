using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>
/// What <see cref="TsneStudy"/> wrote and found: the figure, the per-session Source-only errors
/// (the basis of the choice), the sessions shown, and the distortion numbers per system.
/// </summary>
public sealed record TsneStudyResult(
    FigureFiles Figure,
    string DistortionCsv,
    string SessionsCsv,
    IReadOnlyList<SessionError> SessionErrors,
    IReadOnlyList<string> ShownSessions,
    IReadOnlyList<(string System, IReadOnlyList<DistortionGroup> Groups)> Distortion);

/// <summary>Mean absolute error of a model on the labelled utterances of one target session.</summary>
public sealed record SessionError(string Session, int Utterances, double SourceOnlyMae, double MrdMae);
