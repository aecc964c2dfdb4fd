namespace SerAdapt.Data.Tests;

public class SyntheticBenchmarkTests
{
    private static readonly SyntheticBenchmarkOptions Small = new(Seed: 5, SourceSize: 600, TargetSize: 500);

    [Fact]
    public void Generate_SameSeed_GivesIdenticalCorpora()
    {
        var a = SyntheticBenchmark.Generate(Small with { Dimension = 64 });
        var b = SyntheticBenchmark.Generate(Small with { Dimension = 64 });
        Assert.Equal(a.Source.Features, b.Source.Features);
        Assert.Equal(a.Target.Valence, b.Target.Valence);
        Assert.Equal(a.Target.Ids, b.Target.Ids);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherData()
    {
        var a = SyntheticBenchmark.Generate(Small with { Dimension = 64 });
        var b = SyntheticBenchmark.Generate(Small with { Dimension = 64, Seed = 6 });
        Assert.NotEqual(a.Source.Features, b.Source.Features);
    }

    [Fact]
    public void Generate_Default_HasIemocapAndMspImprovLayoutWith1582Features()
    {
        var pair = SyntheticBenchmark.Generate(Small);
        Assert.Equal((600, 1582), (pair.Source.Count, pair.Source.Dimension));
        Assert.Equal((500, 1582), (pair.Target.Count, pair.Target.Dimension));
        Assert.Equal(10, Corpus.Distinct(pair.Source.Speakers).Length);
        Assert.Equal(5, Corpus.Distinct(pair.Source.Sessions).Length);
        Assert.Equal(12, Corpus.Distinct(pair.Target.Speakers).Length);
        Assert.Equal(6, Corpus.Distinct(pair.Target.Sessions).Length);
        Assert.Equal(pair.Source.FeatureNames, pair.Target.FeatureNames);
        Assert.All(pair.Source.Features, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Generate_Valence_IsOnOneToFiveWithRealisticSpread()
    {
        var pair = SyntheticBenchmark.Generate(Small with { Dimension = 32 });
        foreach (var c in new[] { pair.Source, pair.Target })
        {
            Assert.All(c.Valence, v => Assert.InRange(v, 1, 5));
            var s = ImportSummary.Of(c, 0, 0, []);
            Assert.InRange(s.ValenceMean, 2.7, 3.3);
            Assert.InRange(s.ValenceStd, 0.8, 1.2);
        }
    }

    [Fact]
    public void Calibration_SmallPair_SourceOnlyIsBelowTrainOnTarget()
    {
        var pair = SyntheticBenchmark.Generate(new SyntheticBenchmarkOptions(Seed: 1, SourceSize: 2000, TargetSize: 1700, Dimension: 400));
        var f = RidgeCalibration.Measure(pair.Source, pair.Target);
        Assert.True(f.TrainOnTargetForward > f.SourceOnlyForward + 0.05, $"{f}");
        Assert.True(f.TrainOnTargetBackward > f.SourceOnlyBackward + 0.05, $"{f}");
        Assert.True(f.TrainOnTargetForward > 0.1, $"{f}");
    }

    [Fact]
    public void Scaled_ScalesBothCorpora()
    {
        var o = SyntheticBenchmarkOptions.Scaled(0.1, 4);
        Assert.Equal((1004, 839, 4), (o.SourceSize, o.TargetSize, o.Seed));
    }
}
