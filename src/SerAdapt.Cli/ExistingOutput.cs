using System.CommandLine;

namespace SerAdapt.Cli;

/// <summary>One behaviour for existing outputs in every command: refused unless --force is given.</summary>
internal static class ExistingOutput
{
    public static Option<bool> ForceOption() => new("--force") { Description = "Replace the output if it exists." };

    /// <summary>Throws naming the first of <paramref name="paths"/> that exists (a file, or a folder with anything in it), unless <paramref name="force"/>.</summary>
    public static void Check(bool force, params string[] paths)
    {
        if (force) return;
        foreach (string path in paths)
            if (File.Exists(path) || (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any()))
                throw new IOException($"{path} already exists; add --force to replace it.");
    }
}
