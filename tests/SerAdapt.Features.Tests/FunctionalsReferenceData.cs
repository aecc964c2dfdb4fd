using System.Globalization;

namespace SerAdapt.Features.Tests;

/// <summary>Reads the openSMILE functionals reference files copied into Fixtures/ (ARFF values,
/// debug pitch csv, the .htk LLD as the functionals' input); the LLD readers are LldReferenceFiles'.</summary>
internal static class FunctionalsReferenceData
{
    public static string Dir(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string PathOf(string name, string suffix) => Path.Combine(Dir(name), name + suffix);

    /// <summary>The numeric values of the single ARFF data line (without name and class).</summary>
    public static float[] ReadArffValues(string path)
    {
        var line = File.ReadLines(path).First(l => l.Length > 0 && l[0] != '@');
        var parts = line.Split(',');
        return [.. parts[1..^1].Select(ParseFloat)];
    }

    /// <summary>F0final column of dbg_is10_pitchF.csv; row k belongs to frame k (its stamp is one frame late).</summary>
    public static float[] ReadPitchF(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(l => ParseFloat(l.Split(';')[1]))];

    /// <summary>LLD of the IS10 variant from the .htk; the un-smoothed F0final is taken from
    /// F0final_sma, whose zeros are exactly the zeros of F0final (noZeroSma=1), which is all
    /// the onset functionals look at.</summary>
    public static Is10Lld LoadIs10Lld(string name)
    {
        var frames = LldReferenceFiles.ReadHtk(PathOf(name, ".IS10_lld.htk"));
        return new Is10Lld(frames, VoicingFromSmoothedF0(frames));
    }

    public static float[] VoicingFromSmoothedF0(float[,] frames)
    {
        int f0Column = Is10FeatureNames.Lld.ToList().IndexOf("F0final_sma");
        var f0 = new float[frames.GetLength(0) - 1];
        for (int t = 0; t < f0.Length; t++) f0[t] = frames[t, f0Column];
        return f0;
    }

    public static float ParseFloat(string s) => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The tolerance (1e-3 relative with a 1e-4 absolute floor), as seradapt compare applies it.</summary>
    public static bool WithinTolerance(double actual, double expected) =>
        SerAdapt.Data.FeatureTolerance.Is10Parity.Holds(actual, expected);
}
