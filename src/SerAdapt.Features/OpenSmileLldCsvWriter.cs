using SerAdapt.Files;

namespace SerAdapt.Features;

/// <summary>
/// Writes the frame-level LLDs in openSMILE's LLD csv layout (-lldcsvoutput): header
/// "name;frameTime;76 LLD names", then one row per frame "'name';t;values" with t = frame
/// start in seconds ("%f") and the values formatted like <see cref="OpenSmileCsvWriter"/>.
/// </summary>
public static class OpenSmileLldCsvWriter
{
    /// <summary>Writes the file at <paramref name="path"/> atomically.</summary>
    public static void Write(string path, string instanceName, Is10Lld lld) =>
        AtomicFile.WriteText(path, w => Write(w, instanceName, lld));

    public static void Write(TextWriter writer, string instanceName, Is10Lld lld)
    {
        ArgumentNullException.ThrowIfNull(lld);
        OpenSmileCsvWriter.WriteHeader(writer, Is10FeatureNames.Lld);
        var row = new float[Is10Lld.Columns];
        for (int t = 0; t < lld.FrameCount; t++)
        {
            for (int c = 0; c < row.Length; c++) row[c] = lld.Frames[t, c];
            OpenSmileCsvWriter.WriteRow(writer, instanceName, t * Is10Functionals.FrameStepSeconds, row);
        }
    }

    /// <summary>openSMILE's file name suffix of the LLD csv of <paramref name="variant"/>.</summary>
    public static string FileSuffix(Is10Variant variant) =>
        variant == Is10Variant.Is10Compat ? ".IS10compat_lld.csv" : ".IS10_lld.csv";
}
