namespace SerAdapt.Engine.Tests;

public class RngTests
{
    [Fact]
    public void SameSeed_GivesSameSequence()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        for (int i = 0; i < 100; i++)
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Child_DependsOnSeedAndNameOnly_NotOnDrawsOrOtherChildren()
    {
        var fresh = new Rng(7).Child("dropout");
        var used = new Rng(7);
        used.NextDouble();
        used.Child("init").NextDouble();
        used.Child("shuffle");
        var child = used.Child("dropout");
        for (int i = 0; i < 20; i++)
            Assert.Equal(fresh.NextUInt64(), child.NextUInt64());
    }

    [Fact]
    public void Children_WithDifferentNames_Differ()
    {
        var root = new Rng(7);
        Assert.NotEqual(root.Child("init").NextUInt64(), root.Child("shuffle").NextUInt64());
        Assert.NotEqual(new Rng(7).Child("init").NextUInt64(), new Rng(8).Child("init").NextUInt64());
    }

    [Fact]
    public void Permutation_HoldsEveryIndexOnce()
    {
        var p = new Rng(3).Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000), p.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), p);
    }

    [Fact]
    public void Uniform_StaysInRange_WithMeanNearCentre()
    {
        var rng = new Rng(5);
        var v = new float[20000];
        rng.FillUniform(v, -2f, 3f);
        Assert.All(v, x => Assert.InRange(x, -2f, 3f));
        Assert.InRange(v.Average(), 0.45, 0.55);
    }

    [Fact]
    public void Normal_HasRequestedMeanAndStd()
    {
        var rng = new Rng(6);
        var v = new float[40000];
        rng.FillNormal(v, 1f, 2f);
        double mean = v.Average();
        double std = Math.Sqrt(v.Select(x => (x - mean) * (x - mean)).Average());
        Assert.InRange(mean, 0.96, 1.04);
        Assert.InRange(std, 1.96, 2.04);
    }

    [Fact]
    public void NextInt_CoversRangeWithoutLeavingIt()
    {
        var rng = new Rng(9);
        var counts = new int[7];
        for (int i = 0; i < 7000; i++)
            counts[rng.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
    }
}
