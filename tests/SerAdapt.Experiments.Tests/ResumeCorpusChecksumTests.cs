using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary>--resume continues only against the data the finished runs were trained on.</summary>
public class ResumeCorpusChecksumTests
{
    /// <summary>Two tiny corpus files in <paramref name="tmp"/> and <see cref="ExperimentRunnerTests.Tiny"/> on them.</summary>
    internal static ExperimentConfig Config(TempDir tmp)
    {
        File.WriteAllText(tmp.Sub("a.csv"), "id,valence,f0\na0,1,0.5\na1,2,0.25\n");
        File.WriteAllText(tmp.Sub("b.csv"), "id,valence,f0\nb0,3,0.5\nb1,4,0.75\n");
        return ExperimentRunnerTests.Tiny with { CorpusA = tmp.Sub("a.csv"), CorpusB = tmp.Sub("b.csv") };
    }

    /// <summary>Corpus b made again at the same path, with other data.</summary>
    internal static void RegenerateB(TempDir tmp) => File.WriteAllText(tmp.Sub("b.csv"), "id,valence,f0\nb0,3,0.5\nb1,4,0.70\nb2,2,0.1\n");

    [Fact]
    public void Resume_CorpusRegeneratedAtSamePath_RefusesNamingTheFile()
    {
        using var tmp = new TempDir();
        var config = Config(tmp);
        var crashing = new FakeTrainer { CrashAfter = 2 };
        Assert.Throws<SimulatedCrashException>(() => ExperimentRunner.Run(ExperimentFolder.Create(tmp.Sub("r"), config, Shard.Whole, false, false), crashing.Train));

        RegenerateB(tmp);
        var ex = Assert.Throws<ReportFolderException>(() => ExperimentFolder.Create(tmp.Sub("r"), config, Shard.Whole, resume: true, force: false));
        Assert.Contains(tmp.Sub("b.csv"), ex.Message);
        Assert.Contains("changed", ex.Message);
    }

    [Fact]
    public void Resume_SameCorpora_Continues()
    {
        using var tmp = new TempDir();
        var config = Config(tmp);
        var crashing = new FakeTrainer { CrashAfter = 2 };
        Assert.Throws<SimulatedCrashException>(() => ExperimentRunner.Run(ExperimentFolder.Create(tmp.Sub("r"), config, Shard.Whole, false, false), crashing.Train));
        var second = new FakeTrainer();
        ExperimentRunner.Run(ExperimentFolder.Create(tmp.Sub("r"), config, Shard.Whole, resume: true, force: false), second.Train);
        Assert.True(second.Calls > 0);
    }
}
