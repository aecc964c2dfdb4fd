using SerAdapt.Features.Egemaps;

namespace SerAdapt.Features.Tests.Egemaps;

public class EgemapsBatchExtractorTests
{
    [Fact]
    public void Run_BadFileAmongGoodOnes_ListsItAndKeepsTheOthers()
    {
        var dir = Directory.CreateTempSubdirectory("egemaps-batch");
        try
        {
            string good = Path.Combine(LldReferenceFiles.FixturesDir, "edge_short_0p3s", "edge_short_0p3s.wav");
            string bad = Path.Combine(dir.FullName, "not_audio.wav");
            File.WriteAllText(bad, "this is not a WAV file");
            string lld = Directory.CreateDirectory(Path.Combine(dir.FullName, "lld")).FullName;

            var result = EgemapsBatchExtractor.Run([good, bad], maxParallelism: 1, lldDirectory: lld);

            var row = Assert.Single(result.Rows);
            Assert.Equal("edge_short_0p3s", row.Name);
            Assert.Equal(EgemapsFunctionals.Count, row.Values.Length);
            var failure = Assert.Single(result.Failures);
            Assert.StartsWith(bad, failure.Message);
            Assert.True(File.Exists(Path.Combine(lld, "edge_short_0p3s" + EgemapsLldCsvWriter.FileSuffix)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Extract_TooShort_Throws() =>
        Assert.Throws<AudioTooShortException>(() => EgemapsExtractor.Extract(new float[EgemapsExtractor.MinimumSamples - 1]));
}
