namespace SerAdapt.Data.Tests;

/// <summary>Small in-memory corpora for tests.</summary>
public static class TestCorpora
{
    /// <summary>2 sessions x 2 speakers x 3 utterances, features (i, 2i + j) and valence 1 + i / 3.</summary>
    public static Corpus Small(string name = "small", string[]? featureNames = null)
    {
        int n = 12;
        featureNames ??= ["a", "b", "c"];
        int d = featureNames.Length;
        var x = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i * d + j] = j == 0 ? i : 2 * i + j * (i % 3);
        var speakers = Enumerable.Range(0, n).Select(i => $"S{i / 3}").ToArray();
        return new Corpus(name, Enumerable.Range(0, n).Select(i => $"u{i:D2}").ToArray(), featureNames, x,
            Enumerable.Range(0, n).Select(i => 1 + i / 3f).ToArray(),
            Enumerable.Range(0, n).Select(i => i % 2 == 0 ? float.NaN : 2f).ToArray(),
            Enumerable.Repeat(3f, n).ToArray(), speakers,
            Enumerable.Range(0, n).Select(i => (i / 6 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Range(0, n).Select(i => i / 3 % 2 == 0 ? "F" : "M").ToArray());
    }
}
