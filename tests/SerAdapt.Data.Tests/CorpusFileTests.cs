using SerAdapt.Evaluation;
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
}
