namespace SerAdapt.Features;

/// <summary>Reported after each file of a batch (from worker threads, in completion order).</summary>
public sealed record BatchProgress(int Completed, int Total, string File, bool Failed);
