namespace SerAdapt.Data;

/// <summary>
/// Opens any supported path as a corpus: a corpus file (.parquet), openSMILE ARFF (.arff), openSMILE
/// CSV (.csv starting with <c>name;frameTime;</c>) or a generic CSV (other .csv/.tsv/.txt, columns from
/// <see cref="GenericCsvOptions"/>). Feature files without labels give NaN labels.
/// </summary>
public static class CorpusLoader
{
    public static Corpus Load(string path, GenericCsvOptions? csv = null, NonFinitePolicy nonFinite = NonFinitePolicy.Fail, List<string>? warnings = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Corpus not found: {path}", path);
        string name = Path.GetFileNameWithoutExtension(path);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".parquet") return CorpusFile.Read(path);
        var (corpus, summary) = CorpusImport.FromTable(ReadFeatures(path, csv), name, nonFinite);
        warnings?.AddRange(summary.Warnings);
        return corpus;
    }

    /// <summary>
    /// Feature rows from an openSMILE ARFF, openSMILE CSV or generic CSV file, or from every .arff/.csv
    /// file in a folder (openSMILE run once per audio file); all files must have the same features.
    /// </summary>
    public static FeatureTable ReadFeatures(string path, GenericCsvOptions? csv = null)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".arff" or ".csv")
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new FileNotFoundException($"No .arff or .csv feature files in {path}.");
            return FeatureTable.Concatenate(files.Select(f => ReadFeatures(f, csv)).ToList());
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"Feature file not found: {path}", path);
        return Path.GetExtension(path).ToLowerInvariant() == ".arff" ? OpenSmileArff.Read(path)
            : OpenSmileCsv.LooksLikeOpenSmile(FirstLine(path)) ? OpenSmileCsv.Read(path)
            : GenericCsv.Read(path, csv ?? new GenericCsvOptions());
    }

    /// <summary>Throws <see cref="FeatureMismatchException"/> naming both files unless the feature names match in number and order.</summary>
    public static void CheckCompatible(Corpus source, string sourcePath, Corpus target, string targetPath) =>
        CheckSameFeatures(source.FeatureNames, $"source {sourcePath}", target.FeatureNames, $"target {targetPath}");

    /// <summary>
    /// Throws <see cref="FeatureMismatchException"/> naming both sides (e.g. "source a.parquet",
    /// "model m/") when the feature lists differ in number or in the first differing name.
    /// </summary>
    public static void CheckSameFeatures(IReadOnlyList<string> expected, string expectedWhat, IReadOnlyList<string> actual, string actualWhat)
    {
        if (expected.Count != actual.Count)
            throw new FeatureMismatchException(
                $"Feature dimension differs: {expectedWhat} has {expected.Count} features, {actualWhat} has {actual.Count}.");
        for (int j = 0; j < expected.Count; j++)
            if (expected[j] != actual[j])
                throw new FeatureMismatchException(
                    $"Feature {j + 1} differs: {expectedWhat} has '{expected[j]}', {actualWhat} has '{actual[j]}'.");
    }

    private static string FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        string? line;
        while ((line = reader.ReadLine()) is not null)
            if (line.Trim().Length > 0) return line;
        return "";
    }
}
