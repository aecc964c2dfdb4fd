using System.Text;
using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>Writes a UTF-8 text file whole or not at all (through <see cref="AtomicFile"/>).</summary>
internal static class AtomicText
{
    public static void Write(string path, string text) => AtomicFile.WriteStream(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
}
