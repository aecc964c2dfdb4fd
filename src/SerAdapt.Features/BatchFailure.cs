namespace SerAdapt.Features;

/// <summary>A file of a batch that could not be processed, and why (the message names the file).</summary>
public sealed record BatchFailure(string File, string Message);
