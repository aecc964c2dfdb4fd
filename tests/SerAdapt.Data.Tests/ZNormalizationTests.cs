using System.Text.Json;

namespace SerAdapt.Data.Tests;

public class ZNormalizationTests
{
    [Fact]
    public void PerCorpus_GivesZeroMeanUnitStd()
    {
        var (n, stats) = ZNormalization.PerCorpus(TestCorpora.Small());
        for (int j = 0; j < n.Dimension; j++)
        {
            var col = Enumerable.Range(0, n.Count).Select(i => (double)n.Row(i)[j]).ToArray();
            double mean = col.Average();
            Assert.Equal(0, mean, 5);
            Assert.Equal(1, Math.Sqrt(col.Average(v => (v - mean) * (v - mean))), 5);
        }
        Assert.Equal(5.5f, stats.Means[0]);
    }

    [Fact]
    public void Fit_ConstantFeature_GetsStdOneAndIsNamedInWarning()
    {
        var c = TestCorpora.Small();
        var x = (float[])c.Features.Clone();
        for (int i = 0; i < c.Count; i++) x[i * 3 + 2] = 7;
        var warnings = new List<string>();
        var stats = ZNormStats.Fit(c.WithFeatures(x), warnings);
        Assert.Equal(1f, stats.Stds[2]);
        Assert.Contains(warnings, w => w.Contains("'c'") || w.Contains(": c"));
        Assert.All(stats.Apply(c.WithFeatures(x)).Features.Where((_, k) => k % 3 == 2), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Stats_SerialiseToJsonAndBack()
    {
        var stats = ZNormStats.Fit(TestCorpora.Small());
        var back = JsonSerializer.Deserialize<ZNormStats>(JsonSerializer.Serialize(stats))!;
        Assert.Equal(stats.FeatureNames, back.FeatureNames);
        Assert.Equal(stats.Means, back.Means);
        Assert.Equal(stats.Stds, back.Stds);
    }

    [Fact]
    public void Apply_OtherFeatureNames_Fails()
    {
        var stats = ZNormStats.Fit(TestCorpora.Small());
        var ex = Assert.Throws<InvalidDataException>(() => stats.Apply(TestCorpora.Small("o", ["a", "x", "c"])));
        Assert.Contains("'b'", ex.Message);
    }

    [Fact]
    public void PerSpeaker_EachSpeakerHasZeroMean()
    {
        var c = TestCorpora.Small();
        var n = ZNormalization.PerSpeaker(c);
        foreach (var speaker in Corpus.Distinct(c.Speakers))
        {
            var rows = Enumerable.Range(0, c.Count).Where(i => c.Speakers[i] == speaker);
            Assert.Equal(0, rows.Average(i => (double)n.Row(i)[0]), 5);
        }
    }
}
