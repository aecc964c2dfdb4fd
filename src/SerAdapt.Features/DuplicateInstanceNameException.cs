namespace SerAdapt.Features;

/// <summary>
/// Two or more audio files of one extraction share a file name (in different folders). The name
/// without extension is the instance name in the ARFF/CSV output, the utterance id of a corpus
/// file and the name of the LLD file, so such files would be indistinguishable or overwrite each
/// other. Raised before any file is processed.
/// </summary>
public sealed class DuplicateInstanceNameException(IReadOnlyList<IReadOnlyList<string>> groups)
    : Exception(Describe(groups))
{
    /// <summary>The files of each shared name, one list per name.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; } = groups;

    private static string Describe(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        const int shown = 3;
        var lines = groups.Take(shown).Select(g => $"'{Path.GetFileNameWithoutExtension(g[0])}': {string.Join(", ", g)}");
        string more = groups.Count > shown ? $"; and {groups.Count - shown} more name(s)" : "";
        return $"{groups.Count} file name(s) occur more than once, but the name is the instance/utterance id " +
               $"(and the LLD file name) and must be unique; rename the files or extract each folder on its own: " +
               string.Join("; ", lines) + more;
    }
}
