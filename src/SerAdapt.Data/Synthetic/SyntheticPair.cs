namespace SerAdapt.Data;

/// <summary>The two corpora of the synthetic benchmark: an IEMOCAP-like source and an MSP-IMPROV-like target.</summary>
public sealed record SyntheticPair(Corpus Source, Corpus Target);
