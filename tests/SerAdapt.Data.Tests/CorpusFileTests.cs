using SerAdapt.Evaluation;
using SerAdapt.Files;
namespace SerAdapt.Data.Tests;

public class CorpusFileTests
{
    [Fact]
    public void WriteThenRead_RoundTripsEverythingIncludingNaNLabels()
    {
        using var folder = new TempFolder();
        var c = TestCorpora.Small("my corpus", ["pcm_loudness_sma_maxPos", "mfcc_sma[1]_amean", "F0final__Turn_duration"]);
        string path = folder["sub/c.parquet"];
        CorpusFile.Write(c, path);
        var r = CorpusFile.Read(path);
        Assert.Equal(c.Name, r.Name);
        Assert.Equal(c.Ids, r.Ids);
        Assert.Equal(c.FeatureNames, r.FeatureNames);
        Assert.Equal(c.Features, r.Features);
        Assert.Equal(c.Valence, r.Valence);
        Assert.Equal(c.Arousal, r.Arousal); // NaN == NaN for float.Equals
        Assert.Equal(c.Speakers, r.Speakers);
        Assert.Equal(c.Sessions, r.Sessions);
        Assert.Equal(c.Genders, r.Genders);
        Assert.Single(Directory.GetFiles(folder["sub"])); // no temporary file left behind
    }

    [Fact]
    public void WriteThenRead_ManyRowGroups_RoundTrips()
    {
        using var folder = new TempFolder();
        var pair = SyntheticBenchmark.Generate(new SyntheticBenchmarkOptions(Seed: 3, SourceSize: 9000, TargetSize: 12, Dimension: 16));
        CorpusFile.Write(pair.Source, folder["s.parquet"]);
        var r = CorpusFile.Read(folder["s.parquet"]);
        Assert.Equal(pair.Source.Features, r.Features);
        Assert.Equal(pair.Source.Ids, r.Ids);
    }

    [Fact]
    public void Read_NotParquet_FailsNamingFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("bad.parquet", "this is not parquet");
        var ex = Assert.Throws<DataFormatException>(() => CorpusFile.Read(path));
        Assert.Equal(path, ex.File);
    }

    [Fact]
    public async Task Read_ParquetWithoutCorpusMetadata_FailsNamingFile()
    {
        using var folder = new TempFolder();
        string path = folder["plain.parquet"];
        var field = new Parquet.Schema.DataField("id", typeof(string), isNullable: false);
        await using (var stream = File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(field), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(field, (string[])["a"]);
        }
        var ex = Assert.Throws<DataFormatException>(() => CorpusFile.Read(path));
        Assert.Contains("not a SerAdapt corpus file", ex.Message);
        Assert.Equal(path, ex.File);
    }

    [Fact]
    public void Write_FailingHalfway_LeavesNoFile()
    {
        using var folder = new TempFolder();
        string path = folder["x.parquet"];
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteStream(path, s => { s.WriteByte(1); throw new InvalidOperationException("boom"); }));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WriteThenRead_RoundTripsCategoriesSplitsAndScales()
    {
        using var folder = new TempFolder();
        var c = TestCorpora.Small();
        var scales = new LabelScales(LabelScale.OneToSeven, new LabelScale(0.5f, 4.5f), LabelScale.OneToFive);
        var categories = c.Ids.Select((_, i) => i % 2 == 0 ? "anger" : "neutral").ToArray();
        var splits = c.Ids.Select((_, i) => i < 8 ? "Train" : "Test1").ToArray();
        c = new Corpus(c.Name, c.Ids, c.FeatureNames, c.Features, c.Valence, c.Arousal, c.Dominance, c.Speakers, c.Sessions, c.Genders,
            categories, splits, scales);
        CorpusFile.Write(c, folder["c.parquet"]);
        var r = CorpusFile.Read(folder["c.parquet"]);
        Assert.Equal(scales, r.Scales);
        Assert.Equal(categories, r.Categories);
        Assert.Equal(splits, r.Splits);
        Assert.Equal(scales, r.Subset([0, 1]).Scales);
    }

    [Fact]
    public async Task Read_FormatOneFileWithoutScales_LoadsOnOneToFive()
    {
        using var folder = new TempFolder();
        string path = folder["v1.parquet"];
        string[] text = ["id", "speaker", "session", "gender"];
        var fields = text.Select(n => new Parquet.Schema.DataField(n, typeof(string), isNullable: false))
            .Concat(new[] { "valence", "arousal", "dominance", "f1" }.Select(n => new Parquet.Schema.DataField(n, typeof(float), isNullable: false))).ToArray();
        await using (var stream = File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream);
            writer.CustomMetadata = new Dictionary<string, string> { [CorpusFile.NameKey] = "old", [CorpusFile.FormatKey] = "1" };
            using var group = writer.CreateRowGroup();
            foreach (var (field, value) in fields.Zip(new object[] { "u1", "S1", "1", "F" }))
                await group.WriteAsync(field, (string[])[(string)value]);
            foreach (var field in fields.Skip(4))
                await group.WriteAsync<float>(field, (float[])[2.5f]);
        }
        var c = CorpusFile.Read(path);
        Assert.Equal(LabelScales.OneToFive, c.Scales);
        Assert.Equal([""], c.Categories);
        Assert.Equal([2.5f], c.Valence);
        Assert.Equal(["f1"], c.FeatureNames);
    }
}
