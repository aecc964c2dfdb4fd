using SerAdapt.Adaptation;

namespace SerAdapt.Experiments.Tests;

/// <summary>
/// docs/experiments/all-methods.yaml (the paper's settings) and ten-systems-full-size.yaml (the demo's network,
/// the measured table) are the configurations of docs/methods.md's tables of every system: each must parse and
/// name every method of <see cref="MethodRegistry.Default"/>, so that a newly registered method cannot be left
/// out of the tables silently.
/// </summary>
public class AllMethodsConfigTests
{
    public static TheoryData<string> Configs => ["all-methods.yaml", "ten-systems-full-size.yaml"];

    private static ExperimentConfig Load(string name) => ExperimentConfigFile.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Theory]
    [MemberData(nameof(Configs))]
    public void AllMethodsYaml_NamesEveryRegisteredMethod(string name)
    {
        var config = Load(name);
        var missing = MethodRegistry.Default.Names.Except(config.Methods).ToList();
        Assert.True(missing.Count == 0, $"docs/experiments/{name} leaves out: {string.Join(", ", missing)}");
        Assert.Equal(MethodRegistry.Default.Names.Count, config.Methods.Count);
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void AllMethodsYaml_RunsBothDirectionsWithThreeSeeds(string name)
    {
        var config = Load(name);
        Assert.Equal(["a-to-b", "b-to-a"], config.DirectionList);
        Assert.Equal(3, config.Repeats);
        Assert.Equal(2 * 3 * MethodRegistry.Default.Names.Count, config.Plan().Count);
    }
}
