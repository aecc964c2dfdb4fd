using SerAdapt.Experiments;

namespace SerAdapt.Cli.Tests;

/// <summary>experiment takes its shard from a Slurm job array's variables unless --shard is given.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class SlurmArrayCommandTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-slurm-test").FullName;

    public void Dispose()
    {
        SlurmVariables.Clear();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Experiment_InSlurmArrayWithoutShard_RunsTheTasksShard_AndAnExplicitShardWins()
    {
        SlurmVariables.Set(id: 1, count: 2);
        var fromSlurm = ConsoleCapture.Run(tiny.Args(Path.Combine(_dir, "slurm")));
        var given = ConsoleCapture.Run(tiny.Args(Path.Combine(_dir, "given"), "--shard", "0/4"));

        Assert.True(fromSlurm.Code == 0, fromSlurm.Err);
        Assert.Equal(new Shard(1, 2), ExperimentFolder.Open(Path.Combine(_dir, "slurm")).Shard);
        Assert.Contains("shard 1/2 of the Slurm job array", fromSlurm.Out);
        Assert.True(given.Code == 0, given.Err);
        Assert.Equal(new Shard(0, 4), ExperimentFolder.Open(Path.Combine(_dir, "given")).Shard);
    }
}

/// <summary>Sets and clears the Slurm array variables of this process (tests of the console collection only: they run alone).</summary>
internal static class SlurmVariables
{
    public static void Set(int id, int count)
    {
        Environment.SetEnvironmentVariable(SlurmArray.TaskId, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable(SlurmArray.TaskCount, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Clear()
    {
        foreach (var name in new[] { SlurmArray.TaskId, SlurmArray.TaskCount, SlurmArray.TaskMin, SlurmArray.TaskStep })
            Environment.SetEnvironmentVariable(name, null);
    }
}
