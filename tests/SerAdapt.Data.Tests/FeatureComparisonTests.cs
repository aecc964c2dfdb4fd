namespace SerAdapt.Data.Tests;

public sealed class FeatureComparisonTests
{
    private static readonly string[] Names = ["mfcc_sma[0]_amean", "mfcc_sma_de[0]_amean", "F0final__Turn_onsetRate"];

    private static FeatureTable Table(string[] ids, float[] values, string[]? names = null) =>
        new("test.arff", ids, new int[ids.Length], names ?? Names, values);

    [Theory]
    [InlineData(1.0, 1.0009, true)]    // 9e-4 relative
    [InlineData(1.0, 1.0011, false)]   // 1.1e-3 relative
    [InlineData(0.0, 9e-5, true)]      // below the absolute floor
    [InlineData(0.0, 2e-4, false)]
    [InlineData(double.NaN, double.NaN, true)]
    [InlineData(1.0, double.NaN, false)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, true)]
    public void Is10Parity_AppliesRelativeToleranceWithAbsoluteFloor(double reference, double candidate, bool within) =>
        Assert.Equal(within, FeatureTolerance.Is10Parity.Holds(candidate, reference));

    [Fact]
    public void Compare_CountsValuesOutsideTolerance_PerInstanceFeatureAndFamily()
    {
        var reference = Table(["a", "b"], [1, 2, 3, 4, 5, 6]);
        var candidate = Table(["b", "a"], [4, 5.1f, 6, 1, 2, 3]); // rows in the other order

        var cmp = FeatureComparison.Compare(reference, candidate, FeatureTolerance.Is10Parity);

        Assert.Equal(["a", "b"], cmp.Instances);
        Assert.Equal(6, cmp.ValueCount);
        Assert.Equal(5, cmp.WithinCount);
        Assert.Equal(100.0, cmp.PercentWithinInstance(0));
        Assert.Equal(100.0 * 2 / 3, cmp.PercentWithinInstance(1), 9);
        Assert.Equal([2, 1, 2], cmp.WithinPerFeature());
        Assert.Equal([("mfcc", 2, 2), ("mfcc_de", 1, 2), ("F0final", 2, 2)], cmp.Families());
        var worst = Assert.Single(cmp.Worst(10));
        Assert.Equal(("b", "mfcc_sma_de[0]_amean", 5f, 5.1f), (worst.Instance, worst.Feature, worst.Reference, worst.Candidate));
        Assert.Equal(0.1 / 5e-3, worst.Excess, 3);
    }

    [Fact]
    public void Compare_ListsRowsAndFeaturesPresentOnOneSideOnly()
    {
        var reference = Table(["a", "b", "c"], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var candidate = Table(["c", "a", "z"], [7, 8, 1, 2, 0, 0], ["mfcc_sma[0]_amean", "mfcc_sma_de[0]_amean"]);

        var cmp = FeatureComparison.Compare(reference, candidate, FeatureTolerance.Is10Parity);

        Assert.Equal(["a", "c"], cmp.Instances);
        Assert.Equal(["b"], cmp.InstancesOnlyInReference);
        Assert.Equal(["z"], cmp.InstancesOnlyInCandidate);
        Assert.Equal(["F0final__Turn_onsetRate"], cmp.FeaturesOnlyInReference);
        Assert.Empty(cmp.FeaturesOnlyInCandidate);
        Assert.Equal(4, cmp.WithinCount);
    }

    [Fact]
    public void Compare_OneRowEach_ComparesThemDespiteDifferentIdsAndWarns()
    {
        var cmp = FeatureComparison.Compare(Table(["unknown"], [1, 2, 3]), Table(["speech01"], [1, 2, 3]), FeatureTolerance.Is10Parity);

        Assert.Equal(100.0, cmp.PercentWithin);
        Assert.Contains("'unknown'", Assert.Single(cmp.Warnings));
    }

    [Fact]
    public void Compare_NoInstanceInCommon_FailsNamingBothSides()
    {
        var ex = Assert.Throws<DataFormatException>(() =>
            FeatureComparison.Compare(Table(["a", "b"], new float[6]), Table(["x", "y"], new float[6]), FeatureTolerance.Is10Parity));
        Assert.Contains("'a' vs 'x'", ex.Message);
    }

    [Fact]
    public void Compare_NoFeatureInCommon_Fails()
    {
        Assert.Throws<DataFormatException>(() =>
            FeatureComparison.Compare(Table(["a"], [1, 2, 3]), Table(["a"], [1, 2], ["x", "y"]), FeatureTolerance.Is10Parity));
    }

    [Theory]
    [InlineData("pcm_loudness_sma_amean", "pcm_loudness")]
    [InlineData("mfcc_sma[12]_percentile99.0", "mfcc")]
    [InlineData("jitterDDP_sma_de_upleveltime90", "jitterDDP_de")]
    [InlineData("F0final__Turn_duration", "F0final")]
    [InlineData("energy", "energy")]
    public void FamilyOf_IsTheLowLevelDescriptorAndDeltaMarker(string name, string family) =>
        Assert.Equal(family, FeatureComparison.FamilyOf(name));

    [Fact]
    public void Csv_HasOneRowPerFeatureWithTheWorstInstance()
    {
        using var dir = new TempFolder();
        var cmp = FeatureComparison.Compare(Table(["a", "b"], [1, 2, 3, 4, 5, 6]), Table(["a", "b"], [1, 2, 3, 4, 5.5f, 6]), FeatureTolerance.Is10Parity);

        FeatureComparisonCsv.Write(cmp, dir["report.csv"]);

        var lines = File.ReadAllLines(dir["report.csv"]);
        Assert.Equal("feature,family,within,instances,max_excess,worst_instance,reference,candidate", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("mfcc_sma_de[0]_amean,mfcc_de,1,2,100,b,5,5.5", lines[2]);
    }
}
