using SerAdapt.Files;

namespace SerAdapt.Features.Egemaps;

/// <summary>The eGeMAPSv02 LLD matrix in openSMILE's -lldcsvoutput layout (name;frameTime;25 LLDs, frame start times).</summary>
public static class EgemapsLldCsvWriter
{
    /// <summary>openSMILE's file name suffix for the LLD csv of this set.</summary>
    public const string FileSuffix = ".eGeMAPSv02_lld.csv";

    /// <summary>Writes the file at <paramref name="path"/> atomically.</summary>
    public static void Write(string path, string instanceName, float[,] lld) =>
        AtomicFile.WriteText(path, w => Write(w, instanceName, lld));

    public static void Write(TextWriter writer, string instanceName, float[,] lld)
    {
        ArgumentNullException.ThrowIfNull(lld);
        OpenSmileCsvWriter.WriteHeader(writer, EgemapsFeatureNames.Lld);
        var row = new float[lld.GetLength(1)];
        for (int t = 0; t < lld.GetLength(0); t++)
        {
            for (int c = 0; c < row.Length; c++) row[c] = lld[t, c];
            OpenSmileCsvWriter.WriteRow(writer, instanceName, t * 0.01, row);
        }
    }
}
