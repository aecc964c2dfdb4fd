using System.Text.Json;
using SerAdapt.Data;

namespace SerAdapt.Experiments.Tests;

public class SourceCorporaTests
{
    private static CorpusDomain Domain(Corpus corpus) => CorpusDomain.FromCorpus(corpus, corpus.Name + ".parquet", "valence", labelRequired: true);

    private static Corpus OnOneToSeven(Corpus c) =>
        new(c.Name, c.Ids, c.FeatureNames, c.Features, c.Valence.Select(v => 1 + (v - 1) * 1.5f).ToArray(), c.Arousal, c.Dominance,
            c.Speakers, c.Sessions, c.Genders, scales: LabelScales.Uniform(LabelScale.OneToSeven));

    [Fact]
    public void Pool_TwoCorpora_NormalisesEachOnItsOwnThenConcatenates()
    {
        // b's raw features are a's shifted and scaled: pooled, both halves must come out z-normalised
        // with their own statistics (a shared normalisation would leave b's half at mean ~2, std ~2).
        var a = TinyCorpora.Make("a", 60, 4, sessions: 3, shift: 0f, seed: 1);
        var b = TinyCorpora.Make("b", 40, 4, sessions: 2, shift: 1f, seed: 2);
        var target = Domain(TinyCorpora.Make("t", 30, 4, sessions: 2, shift: 0.5f, seed: 3));
        var pooled = SourceCorpora.Pool([Domain(a), Domain(b)], target, "valence");

        Assert.Equal(100, pooled.Data.Count);
        Assert.Equal([.. Enumerable.Repeat(0, 60), .. Enumerable.Repeat(1, 40)], pooled.CorpusIndex);
        for (int k = 0; k < 2; k++)
        {
            var rows = Enumerable.Range(0, 100).Where(i => pooled.CorpusIndex[i] == k).ToArray();
            for (int j = 0; j < 4; j++)
            {
                var column = rows.Select(i => (double)pooled.Data.Features[i, j]).ToArray();
                double mean = column.Average(), std = Math.Sqrt(column.Select(x => (x - mean) * (x - mean)).Average());
                Assert.InRange(mean, -1e-5, 1e-5);
                Assert.InRange(std, 0.95, 1.05);
            }
        }
        Assert.Equal([.. a.Valence, .. b.Valence], pooled.Data.Labels!);
        Assert.Equal([.. a.Ids, .. b.Ids], pooled.Data.Ids!);
        // a has sessions 0..2, b's two sessions follow as 3 and 4: no corpus shares a group with another.
        Assert.Equal(5, pooled.Data.Groups!.Distinct().Count());
        Assert.Equal([3, 4], pooled.Data.Groups![60..].Distinct().Order());
    }

    [Fact]
    public void Pool_OneCorpus_IsThatCorpusUnchanged()
    {
        var a = Domain(TinyCorpora.Make("a", 50, 3, sessions: 2, shift: 0f, seed: 1));
        var target = Domain(TinyCorpora.Make("t", 30, 3, sessions: 2, shift: 0.5f, seed: 3));
        var pooled = SourceCorpora.Pool([a], target, "valence");
        Assert.Same(a.Data, pooled.Data);
    }

    [Fact]
    public void Pool_SourceOnAnotherScale_MapsItsLabelsOntoTheTargets_AndSaysSo()
    {
        var a = TinyCorpora.Make("a", 40, 3, sessions: 2, shift: 0f, seed: 1);
        var b = OnOneToSeven(TinyCorpora.Make("b", 30, 3, sessions: 2, shift: 0f, seed: 2));
        var target = Domain(TinyCorpora.Make("t", 30, 3, sessions: 2, shift: 0.5f, seed: 3));
        var pooled = SourceCorpora.Pool([Domain(a), Domain(b)], target, "valence");
        var mappedBack = pooled.Data.Labels![40..];
        for (int i = 0; i < 30; i++)
            Assert.Equal(b.Valence[i], 1 + (mappedBack[i] - 1) * 1.5f, 4);
        var mapping = Assert.Single(pooled.ScaleMappingsOnto(target, "valence"));
        Assert.Contains("1-7 to 1-5", mapping);
        Assert.StartsWith("b.parquet: ", mapping);
    }

    [Fact]
    public void NormalisationJson_HasEachCorpusOwnStatistics()
    {
        var a = Domain(TinyCorpora.Make("a", 40, 3, sessions: 2, shift: 0f, seed: 1));
        var b = Domain(TinyCorpora.Make("b", 40, 3, sessions: 2, shift: 1f, seed: 2));
        var pooled = SourceCorpora.Pool([a, b], Domain(TinyCorpora.Make("t", 30, 3, sessions: 2, shift: 0.5f, seed: 3)), "valence");
        var entries = JsonDocument.Parse(pooled.NormalisationJson()).RootElement.EnumerateArray().ToList();
        Assert.Equal(["a.parquet", "b.parquet"], entries.Select(e => e.GetProperty("corpus").GetString()));
        Assert.Equal(b.Stats.Means, entries[1].GetProperty("mean").EnumerateArray().Select(x => x.GetSingle()));
        Assert.Equal(["a.parquet", "b.parquet"], JsonSerializer.Deserialize<string[]>(pooled.PathsJson())!);
    }

    [Fact]
    public void Pool_FeaturesDifferFromTarget_FailsNamingTheCorpus()
    {
        var a = Domain(TinyCorpora.Make("a", 40, 3, sessions: 2, shift: 0f, seed: 1));
        var b = Domain(TinyCorpora.Make("b", 40, 4, sessions: 2, shift: 0f, seed: 2));
        var target = Domain(TinyCorpora.Make("t", 30, 3, sessions: 2, shift: 0.5f, seed: 3));
        var ex = Assert.Throws<FeatureMismatchException>(() => SourceCorpora.Pool([a, b], target, "valence"));
        Assert.Contains("b.parquet", ex.Message);
    }

    [Fact]
    public void Pool_SameCorpusTwice_OrNone_Fails()
    {
        var a = Domain(TinyCorpora.Make("a", 40, 3, sessions: 2, shift: 0f, seed: 1));
        var target = Domain(TinyCorpora.Make("t", 30, 3, sessions: 2, shift: 0.5f, seed: 3));
        Assert.Contains("named twice", Assert.Throws<ArgumentException>(() => SourceCorpora.Pool([a, a], target, "valence")).Message);
        Assert.Throws<ArgumentException>(() => SourceCorpora.Pool([], target, "valence"));
    }
}
