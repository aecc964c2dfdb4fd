using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary>merge joins only shards that ran on the same data, and the merged folder keeps their checksums.</summary>
public class MergeCorpusChecksumTests
{
    private static void RunShard(TempDir tmp, ExperimentConfig config, string name, Shard shard) =>
        ExperimentRunner.Run(ExperimentFolder.Create(tmp.Sub(name), config, shard, resume: false, force: false), new FakeTrainer().Train);

    [Fact]
    public void Merge_ShardsOfDifferentCorpusData_FailsNamingTheFile()
    {
        using var tmp = new TempDir();
        var config = ResumeCorpusChecksumTests.Config(tmp);
        RunShard(tmp, config, "s0", new Shard(0, 2));
        // The second shard ran after the corpus was regenerated at the same path.
        ResumeCorpusChecksumTests.RegenerateB(tmp);
        RunShard(tmp, config, "s1", new Shard(1, 2));

        var ex = Assert.Throws<ReportFolderException>(() => ShardMerger.Merge([tmp.Sub("s0"), tmp.Sub("s1")], tmp.Sub("m"), force: false));
        Assert.Contains(tmp.Sub("b.csv"), ex.Message);
        Assert.Contains("other data", ex.Message);
        Assert.False(Directory.Exists(tmp.Sub("m")));
    }

    [Fact]
    public void Merge_SameData_RecordsTheShardsChecksumsEvenWhenTheFilesAreGone()
    {
        using var tmp = new TempDir();
        var config = ResumeCorpusChecksumTests.Config(tmp);
        RunShard(tmp, config, "s0", new Shard(0, 2));
        RunShard(tmp, config, "s1", new Shard(1, 2));
        var recorded = ExperimentFolder.Open(tmp.Sub("s0")).Corpora;
        // Merging on another machine: the corpora are not there.
        File.Delete(tmp.Sub("a.csv"));
        File.Delete(tmp.Sub("b.csv"));

        var (merged, _) = ShardMerger.Merge([tmp.Sub("s0"), tmp.Sub("s1")], tmp.Sub("m"), force: false);

        var reopened = ExperimentFolder.Open(merged.Directory).Corpora;
        Assert.Equal(["a", "b"], reopened.Keys.Order());
        foreach (var role in new[] { "a", "b" }) Assert.True(recorded[role].SameData(reopened[role]), role);
    }

    // The same for a grid experiment's shards (merged through their grid logs).
    [Fact]
    public void MergeGrid_SameData_RecordsTheShardsChecksumsEvenWhenTheFilesAreGone()
    {
        using var tmp = new TempDir();
        var config = ResumeCorpusChecksumTests.Config(tmp) with
        {
            Methods = ["mrd"],
            Repeats = 1,
            Grid = new HyperparameterGrid([new("mrd", [new GridAxis("m", [1, 2])])]),
        };
        GridTrainer fake = (run, _, _) => new EpochScores(run.Method, run.Direction, run.Repeat, run.Point.Index, run.Point.Label(config.Registry),
            run.Seed, new Dictionary<string, double[]> { ["source-val"] = [1.0 + run.Index], ["iwcv"] = [1.0], ["dev"] = [1.0] }, [0.1 * run.Index]);
        for (int k = 0; k < 2; k++)
            SelectionStudy.Run(ExperimentFolder.Create(tmp.Sub($"g{k}"), config, new Shard(k, 2), resume: false, force: false), fake);
        var recorded = ExperimentFolder.Open(tmp.Sub("g0")).Corpora;
        File.Delete(tmp.Sub("a.csv"));
        File.Delete(tmp.Sub("b.csv"));

        var (merged, _) = ShardMerger.Merge([tmp.Sub("g0"), tmp.Sub("g1")], tmp.Sub("m"), force: false);

        var reopened = ExperimentFolder.Open(merged.Directory).Corpora;
        foreach (var role in new[] { "a", "b" }) Assert.True(recorded[role].SameData(reopened[role]), role);
    }
}
