namespace SerAdapt.Data;

/// <summary>Speaker-independent cross-validation folds (IEMOCAP: 5 sessions, MSP-IMPROV: 6).</summary>
public static class Folds
{
    /// <summary>One fold per session (sessions in order of first appearance), tested on that session.</summary>
    public static List<Fold> LeaveOneSessionOut(Corpus corpus) => LeaveOneOut(corpus, corpus.Sessions, "session");

    /// <summary>One fold per speaker, tested on that speaker.</summary>
    public static List<Fold> LeaveOneSpeakerOut(Corpus corpus) => LeaveOneOut(corpus, corpus.Speakers, "speaker");

    private static List<Fold> LeaveOneOut(Corpus corpus, string[] groups, string what)
    {
        var distinct = Corpus.Distinct(groups);
        if (distinct.Any(string.IsNullOrEmpty))
            throw new InvalidDataException($"Corpus '{corpus.Name}' has utterances without a {what}; leave-one-{what}-out needs one for every utterance.");
        if (distinct.Length < 2)
            throw new InvalidDataException($"Corpus '{corpus.Name}' has {distinct.Length} {what}(s); leave-one-{what}-out needs at least 2.");
        return distinct.Select(g => new Fold($"{what} {g}",
                Enumerable.Range(0, corpus.Count).Where(i => groups[i] != g).ToArray(),
                Enumerable.Range(0, corpus.Count).Where(i => groups[i] == g).ToArray()))
            .ToList();
    }
}
