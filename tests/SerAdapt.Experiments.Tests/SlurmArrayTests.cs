using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary>The shard of a Slurm job array task, from the variables Slurm sets.</summary>
public class SlurmArrayTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void FromEnvironment_TaskIdAndCount_GiveTheShard()
    {
        Assert.Equal(new Shard(2, 4), SlurmArray.FromEnvironment(Env((SlurmArray.TaskId, "2"), (SlurmArray.TaskCount, "4"))));
        Assert.Null(SlurmArray.FromEnvironment(Env()));
    }

    [Fact]
    public void FromEnvironment_ArrayFromOneWithStep_CountsShardsFromZero()
    {
        // --array=1-7:2 runs tasks 1, 3, 5, 7.
        var env = Env((SlurmArray.TaskId, "5"), (SlurmArray.TaskCount, "4"), (SlurmArray.TaskMin, "1"), (SlurmArray.TaskStep, "2"));
        Assert.Equal(new Shard(2, 4), SlurmArray.FromEnvironment(env));
    }

    [Theory]
    [InlineData("4", "4", "0", "1")]   // id beyond the count
    [InlineData("4", "4", "1", "2")]   // id between two steps
    [InlineData("3", "", "0", "1")]    // no count
    [InlineData("x", "4", "0", "1")]   // not a number
    public void FromEnvironment_InconsistentValues_FailNamingTheVariablesAndTheFlag(string id, string count, string min, string step)
    {
        var env = Env((SlurmArray.TaskId, id), (SlurmArray.TaskCount, count), (SlurmArray.TaskMin, min), (SlurmArray.TaskStep, step));
        var ex = Assert.Throws<ArgumentException>(() => SlurmArray.FromEnvironment(env));
        Assert.Contains("SLURM_ARRAY_TASK_", ex.Message);
        Assert.Contains("--shard", ex.Message);
    }
}
