using static SerAdapt.Features.Tests.FunctionalsReferenceData;

namespace SerAdapt.Features.Tests;

public class FunctionalsTests
{
    [Theory]
    [InlineData(Is10Variant.Is10, "IS10_feature_names.txt")]
    [InlineData(Is10Variant.Is10Compat, "IS10compat_feature_names.txt")]
    public void FeatureNames_EqualOpenSmileNameFile(Is10Variant variant, string file)
    {
        var expected = File.ReadLines(Path.Combine(Dir(""), file)).Select(l => l.Split('\t')[1]);
        Assert.Equal(expected, Is10FeatureNames.Functionals(variant));
    }

    [Fact]
    public void LldNames_EqualOpenSmileNameFile()
    {
        var expected = File.ReadLines(Path.Combine(Dir(""), "IS10_lld_names.txt")).Select(l => l.Split('\t')[1]);
        Assert.Equal(expected, Is10FeatureNames.Lld);
    }

    [Fact]
    public void CountOnsets_VoicedFirstFrame_IsNotAnOnset()
    {
        Assert.Equal(2, Is10Functionals.CountOnsets([100, 100, 0, 120, 0, 0, 130, 130]));
        Assert.Equal(0, Is10Functionals.CountOnsets([100, 100]));
        Assert.Equal(0, Is10Functionals.CountOnsets([]));
    }

    [Fact]
    public void Compute_CompatVariant_OutputsOnsetCountInsteadOfRate()
    {
        var lld = SyntheticLld(frames: 104, f0: [0, 100, 0, 0, 120, 120, 0, 130]);

        var is10 = Is10Functionals.Compute(lld, Is10Variant.Is10);
        var compat = Is10Functionals.Compute(lld, Is10Variant.Is10Compat);

        Assert.Equal(3f, compat[1580]);
        Assert.Equal(3 / 0.08f, is10[1580], 4);
        Assert.Equal(0.08f, is10[1581], 6);
        Assert.Equal(is10[..1580], compat[..1580]);
    }

    [Fact]
    public void Compute_UsesFirstNMinus3FramesOnly()
    {
        // A linear ramp 0..n-4 in column 0 with 3 huge trailing frames that must be ignored.
        var lld = SyntheticLld(frames: 20, f0: new float[19]);
        for (int t = 0; t < 20; t++) lld.Frames[t, 0] = t < 17 ? t : 1e6f;

        var f = Is10Functionals.Compute(lld, Is10Variant.Is10);

        Assert.Equal(16f, f[0]);   // maxPos
        Assert.Equal(0f, f[1]);    // minPos
        Assert.Equal(8f, f[2]);    // amean
        Assert.Equal(1f, f[3], 5); // linregc1
        Assert.Equal(0f, f[4], 5); // linregc2
        Assert.Equal(4f, f[10]);   // quartile1
        Assert.Equal(0.16f, f[16], 5); // percentile1.0 = 0.01 * 16
    }

    [Fact]
    public void Compute_NonZeroContours_IgnoreZerosAndGiveZerosWhenAllZero()
    {
        var lld = SyntheticLld(frames: 13, f0: new float[12]);
        int f0Column = 34;
        float[] f0Values = [0, 0, 100, 0, 200, 300, 0, 0, 0, 0];
        for (int t = 0; t < f0Values.Length; t++) lld.Frames[t, f0Column] = f0Values[t];

        var f = Is10Functionals.Compute(lld, Is10Variant.Is10);
        var names = Is10FeatureNames.Functionals(Is10Variant.Is10).ToList();

        Assert.Equal(2f, f[names.IndexOf("F0final_sma_maxPos")]); // position in the compacted array
        Assert.Equal(200f, f[names.IndexOf("F0final_sma_amean")]);
        Assert.Equal(0f, f[names.IndexOf("jitterLocal_sma_amean")]);
        Assert.Equal(0f, f[names.IndexOf("jitterLocal_sma_upleveltime90")]);
    }

    [Fact]
    public void Compute_TooFewFrames_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Is10Functionals.Compute(SyntheticLld(3, new float[2]), Is10Variant.Is10));
        Assert.Contains("at least 4", ex.Message);
    }

    [Fact]
    public void Percentiles_BySelection_EqualInterpolationOnFullSort()
    {
        var random = new Random(7);
        double[] ps = [0.01, 0.25, 0.5, 0.75, 0.99];
        for (int n = 1; n <= 300; n++)
        {
            foreach (int distinct in new[] { 1, 3, 1000 })
            {
                var x = Enumerable.Range(0, n).Select(_ => (float)random.Next(distinct) - distinct / 2).ToArray();
                var sorted = x.Order().ToArray();
                var result = new double[ps.Length];

                OrderStatistics.Percentiles(x, ps, result);

                for (int i = 0; i < ps.Length; i++)
                {
                    double index = ps[i] * (n - 1);
                    int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
                    double expected = lo == hi ? sorted[lo] : sorted[lo] * (hi - index) + sorted[hi] * (index - lo);
                    Assert.Equal(expected, result[i]);
                }
            }
        }
    }

    private static Is10Lld SyntheticLld(int frames, float[] f0) => new(new float[frames, Is10Lld.Columns], f0);
}
