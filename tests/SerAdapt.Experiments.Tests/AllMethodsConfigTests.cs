using SerAdapt.Adaptation;

namespace SerAdapt.Experiments.Tests;

/// <summary>
/// docs/experiments/all-methods.yaml is the configuration of docs/methods.md's table of every system: it
/// must parse and name every method of <see cref="MethodRegistry.Default"/>, so that a newly registered
/// method cannot be left out of the table silently.
/// </summary>
public class AllMethodsConfigTests
{
    private static readonly string ConfigPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "all-methods.yaml");

    [Fact]
    public void AllMethodsYaml_NamesEveryRegisteredMethod()
    {
        var config = ExperimentConfigFile.Load(ConfigPath);
        var missing = MethodRegistry.Default.Names.Except(config.Methods).ToList();
        Assert.True(missing.Count == 0, $"docs/experiments/all-methods.yaml leaves out: {string.Join(", ", missing)}");
        Assert.Equal(MethodRegistry.Default.Names.Count, config.Methods.Count);
    }

    [Fact]
    public void AllMethodsYaml_RunsBothDirectionsWithThreeSeeds()
    {
        var config = ExperimentConfigFile.Load(ConfigPath);
        Assert.Equal(["a-to-b", "b-to-a"], config.DirectionList);
        Assert.Equal(3, config.Repeats);
        Assert.Equal(2 * 3 * MethodRegistry.Default.Names.Count, config.Plan().Count);
    }
}
