namespace SerAdapt.Experiments;

/// <summary>A report folder that cannot be used as asked (exists without --force/--resume, other configuration, ...).</summary>
public sealed class ReportFolderException(string message) : Exception(message);
