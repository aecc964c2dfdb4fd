using System.Globalization;
using System.Text;

namespace SerAdapt.Cli.Tests;

/// <summary>Tiny generic-CSV corpora (id, session, valence 1-5, three features) and training flags small enough for a test.</summary>
internal static class SmallCsvCorpus
{
    /// <summary>
    /// 48 rows in 3 sessions, features shifted by <paramref name="shift"/>, the first <paramref name="unlabelled"/>
    /// rows with an empty valence; written to <paramref name="dir"/>/NAME.csv.
    /// </summary>
    public static string Write(string dir, string name, double shift, int unlabelled = 0)
    {
        var rng = new Random(name.Length + (int)(shift * 10));
        var text = new StringBuilder("id,session,valence,f0,f1,f2\n");
        for (int i = 0; i < 48; i++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            string valence = i < unlabelled ? "" : (1 + 4 * a).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{name}{i},s{i % 3},{valence},{a + shift:R},{b:R},{a * b:R}\n");
        }
        string path = Path.Combine(dir, name + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public static readonly string[] SmallTraining =
        ["--epochs", "1", "--width", "8", "--encoder-layers", "1", "--regressor-layers", "1", "--mrd-r1-layers", "1", "--mrd-r2-layers", "1",
         "--batch-size", "16", "--selection", "fixed", "--threads", "1"];
}
