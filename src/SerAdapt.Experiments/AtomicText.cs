using System.Text;

namespace SerAdapt.Experiments;

/// <summary>Writes a file whole or not at all: a temporary file in the same folder, then a rename.</summary>
internal static class AtomicText
{
    public static void Write(string path, string text) => Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
