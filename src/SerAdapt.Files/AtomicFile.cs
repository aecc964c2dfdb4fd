using System.Text;

namespace SerAdapt.Files;

/// <summary>
/// Writes a file so that it appears whole or not at all: the content goes to a temporary file in the
/// same folder (same extension, so writers that look at it behave), which is then renamed over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="writeTo"/> on the temporary file's path, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.{Interlocked.Increment(ref _counter)}.tmp{Path.GetExtension(full)}");
        try
        {
            writeTo(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>The same, with <paramref name="write"/> given a new stream on the temporary file.</summary>
    public static void WriteStream(string path, Action<Stream> write) =>
        Write(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite);
            write(stream);
        });

    /// <summary>Text through a writer (UTF-8 without BOM, "\n" line ends).</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        WriteStream(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            write(writer);
        });

    /// <summary>The whole of <paramref name="text"/> (UTF-8 without BOM).</summary>
    public static void WriteAllText(string path, string text) => WriteStream(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));

    private static int _counter;
}
