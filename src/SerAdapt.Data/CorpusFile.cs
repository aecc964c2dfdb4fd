using Parquet;
using Parquet.Schema;
using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Data;

/// <summary>
/// The tool's corpus file: Parquet, one row per utterance, columns id, speaker, session, gender,
/// category, split (strings), valence, arousal, dominance (float, NaN = missing), then one float
/// column per feature named as in openSMILE. The corpus name and each label's scale ("MIN,MAX") are
/// in the file's key-value metadata, so pandas and polars read the file as an ordinary table.
/// Format 1 files (no category and split columns, no scales) still load, with the 1-5 scale of the
/// IEMOCAP and MSP-IMPROV corpora they were written for.
/// </summary>
public static class CorpusFile
{
    public const string NameKey = "seradapt.corpus";
    public const string FormatKey = "seradapt.format";
    public const string FormatVersion = "2";
    public const string ScaleKeyPrefix = "seradapt.scale.";

    private static readonly string[] TextColumnsV1 = ["id", "speaker", "session", "gender"];
    private static readonly string[] TextColumns = [.. TextColumnsV1, "category", "split"];
    private static readonly string[] LabelColumns = ["valence", "arousal", "dominance"];
    private const int RowsPerGroup = 4096;

    public static void Write(Corpus corpus, string path) =>
        AtomicFile.WriteStream(path, stream => WriteAsync(corpus, stream).GetAwaiter().GetResult());

    public static Corpus Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Corpus file not found: {path}", path);
        try
        {
            return ReadAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not DataFormatException and not InvalidDataException)
        {
            throw new DataFormatException(path, 0, 0, $"not a readable Parquet corpus file ({ex.Message}).");
        }
    }

    private static async Task WriteAsync(Corpus corpus, Stream stream)
    {
        var text = TextColumns.Select(c => new DataField(c, typeof(string), isNullable: false)).ToArray();
        var labels = LabelColumns.Select(c => new DataField(c, typeof(float), isNullable: false)).ToArray();
        var features = corpus.FeatureNames.Select(c => new DataField(c, typeof(float), isNullable: false)).ToArray();
        var schema = new ParquetSchema(text.Concat(labels).Concat(features).Cast<Field>());
        int n = corpus.Count, d = corpus.Dimension;
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        var metadata = new Dictionary<string, string> { [NameKey] = corpus.Name, [FormatKey] = FormatVersion };
        foreach (var label in LabelColumns) metadata[ScaleKeyPrefix + label] = corpus.Scales.For(label).ToText();
        writer.CustomMetadata = metadata;
        var column = new float[Math.Min(n, RowsPerGroup)];
        for (int start = 0; start < n; start += RowsPerGroup)
        {
            int rows = Math.Min(RowsPerGroup, n - start);
            using var group = writer.CreateRowGroup();
            string[][] textValues = [corpus.Ids, corpus.Speakers, corpus.Sessions, corpus.Genders, corpus.Categories, corpus.Splits];
            for (int c = 0; c < text.Length; c++)
                await group.WriteAsync(text[c], textValues[c][start..(start + rows)]);
            float[][] labelValues = [corpus.Valence, corpus.Arousal, corpus.Dominance];
            for (int c = 0; c < labels.Length; c++)
                await group.WriteAsync<float>(labels[c], labelValues[c].AsMemory(start, rows));
            for (int j = 0; j < d; j++)
            {
                for (int i = 0; i < rows; i++) column[i] = corpus.Features[(long)(start + i) * d + j];
                await group.WriteAsync<float>(features[j], column.AsMemory(0, rows));
            }
            group.CompleteValidate();
        }
    }

    private static async Task<Corpus> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        if (!reader.CustomMetadata.TryGetValue(NameKey, out var name))
            throw new DataFormatException(path, 0, 0, $"not a SerAdapt corpus file (no '{NameKey}' in the Parquet metadata).");
        string version = reader.CustomMetadata.GetValueOrDefault(FormatKey, "1");
        if (version is not ("1" or FormatVersion))
            throw new DataFormatException(path, 0, 0, $"corpus file format {version} is newer than this tool reads ({FormatVersion}).");
        var textColumns = version == "1" ? TextColumnsV1 : TextColumns;
        var scales = version == "1" ? LabelScales.OneToFive : new LabelScales(Scale("valence"), Scale("arousal"), Scale("dominance"));
        var fields = reader.Schema.GetDataFields();
        int fixedColumns = textColumns.Length + LabelColumns.Length;
        for (int c = 0; c < fixedColumns; c++)
        {
            string expected = c < textColumns.Length ? textColumns[c] : LabelColumns[c - textColumns.Length];
            Type type = c < textColumns.Length ? typeof(string) : typeof(float);
            bool typeOk = c < fields.Length && (fields[c].ClrType == type || (type == typeof(string) && fields[c].ClrType == typeof(ReadOnlyMemory<char>)));
            if (c >= fields.Length || fields[c].Name != expected || !typeOk)
                throw new DataFormatException(path, 0, c + 1,
                    $"column {c + 1} should be '{expected}' ({type.Name}) but is " +
                    (c < fields.Length ? $"'{fields[c].Name}' ({fields[c].ClrType.Name})." : "missing."));
        }
        for (int c = fixedColumns; c < fields.Length; c++)
            if (fields[c].ClrType != typeof(float) || fields[c].IsArray)
                throw new DataFormatException(path, 0, c + 1, $"feature column '{fields[c].Name}' is {fields[c].ClrType.Name}, expected float.");

        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++) total += reader.OpenRowGroupReader(g).RowCount;
        int n = checked((int)total), d = fields.Length - fixedColumns;
        var text = textColumns.Select(_ => new string?[n]).ToArray();
        var labels = LabelColumns.Select(_ => new float[n]).ToArray();
        var features = new float[(long)n * d];
        var column = new float[n];
        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            for (int c = 0; c < text.Length; c++)
                await group.ReadAsync(fields[c], text[c].AsMemory(offset, rows));
            for (int c = 0; c < labels.Length; c++)
                await group.ReadAsync<float>(fields[textColumns.Length + c], labels[c].AsMemory(offset, rows));
            for (int j = 0; j < d; j++)
            {
                await group.ReadAsync<float>(fields[fixedColumns + j], column.AsMemory(0, rows));
                for (int i = 0; i < rows; i++) features[(long)(offset + i) * d + j] = column[i];
            }
            offset += rows;
        }
        for (int c = 0; c < text.Length; c++)
            for (int i = 0; i < n; i++)
                if (text[c][i] is null) throw new DataFormatException(path, i + 1, c + 1, $"'{textColumns[c]}' is null.");
        try
        {
            return new Corpus(name, text[0]!, fields[fixedColumns..].Select(f => f.Name).ToArray(), features,
                labels[0], labels[1], labels[2], text[1]!, text[2]!, text[3]!,
                Column(4), Column(5), scales);
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(path, 0, 0, ex.Message);
        }

        // The category and split columns of format 2 (null: format 1, blank).
        string[]? Column(int c) => c < text.Length ? Array.ConvertAll(text[c], s => s!) : null;

        LabelScale Scale(string label)
        {
            if (!reader.CustomMetadata.TryGetValue(ScaleKeyPrefix + label, out var text))
                throw new DataFormatException(path, 0, 0, $"no '{ScaleKeyPrefix}{label}' in the Parquet metadata.");
            try { return LabelScale.Parse(text); }
            catch (FormatException ex) { throw new DataFormatException(path, 0, 0, $"'{ScaleKeyPrefix}{label}': {ex.Message}"); }
        }
    }
}
