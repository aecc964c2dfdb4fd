using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

public class RunSeedsTests
{
    [Fact]
    public void Seed_DoesNotDependOnOtherRunsOrShards()
    {
        var full = ExperimentRunnerTests.Tiny with { Methods = MethodRegistry.Default.Names, Repeats = 5 };
        var small = ExperimentRunnerTests.Tiny with { Methods = ["mrd"], Directions = "b-to-a", Repeats = 2 };
        var fullSeeds = full.Plan().ToDictionary(r => r.Key, r => r.Seed);
        foreach (var run in small.Plan())
            Assert.Equal(fullSeeds[run.Key], run.Seed);
    }

    [Fact]
    public void Seed_SharedByMethodsOfARepeat_DistinctAcrossRepeatsAndMasterSeeds()
    {
        var plan = ExperimentRunnerTests.Tiny.Plan();
        foreach (var group in plan.GroupBy(r => (r.Direction, r.Repeat)))
            Assert.Single(group.Select(r => r.Seed).Distinct());
        Assert.Equal(plan.Count / 3, plan.Select(r => r.Seed).Distinct().Count());
        Assert.NotEqual(RunSeeds.Derive(0, "a-to-b", 0), RunSeeds.Derive(1, "a-to-b", 0));
        Assert.Equal(RunSeeds.Derive(3, "a-to-b", 2), RunSeeds.Derive(3, "a-to-b", 2));
    }

    [Fact]
    public void Plan_ShardsPartitionTheRuns()
    {
        var plan = ExperimentRunnerTests.Tiny.Plan();
        var shards = Enumerable.Range(0, 4).Select(k => plan.Where(r => new Shard(k, 4).Contains(r.Index)).ToList()).ToList();
        Assert.Equal(plan.Count, shards.Sum(s => s.Count));
        Assert.Equal(plan.Select(r => r.Key.ToString()).Order(), shards.SelectMany(s => s).Select(r => r.Key.ToString()).Order());
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("0/1", 0, 1)]
    public void ShardParse_Valid(string text, int k, int n) => Assert.Equal(new Shard(k, n), Shard.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("2")]
    public void ShardParse_Invalid_Throws(string text) => Assert.Throws<ArgumentException>(() => Shard.Parse(text));
}
