namespace SerAdapt.Data;

/// <summary>
/// The WAV files of a corpus folder, for corpora whose file names carry the labels: every *.wav
/// below the folder, in ordinal order, except hidden files and folders (names starting with '.',
/// such as macOS's <c>._x.wav</c>) and the <c>__MACOSX</c> folders that zip tools add.
/// </summary>
public static class CorpusAudioFiles
{
    public static List<string> Find(string folder, string corpus, string expected)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{corpus} folder not found: {folder}");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsHidden(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new FileNotFoundException($"No {corpus} WAV files under {folder} (expected {expected}).");
        return files;
    }

    /// <summary>True for a file whose name, or a folder's between <paramref name="root"/> and it, starts with '.' or is __MACOSX.</summary>
    public static bool IsHidden(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.') || p == "__MACOSX");

    /// <summary>A file name that does not follow the corpus's convention.</summary>
    public static DataFormatException Malformed(string file, string convention) =>
        new(file, 0, 0, $"file name '{Path.GetFileName(file)}' is not like {convention}.");
}
