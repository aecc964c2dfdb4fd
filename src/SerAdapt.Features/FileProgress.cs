namespace SerAdapt.Features;

/// <summary>Reported while one file of a batch is extracted (from worker threads), after each piece of about 4 s of audio.</summary>
public sealed record FileProgress(string File, double SecondsDone, double SecondsTotal);
