using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary>A YAML syntax error is reported as file:line:column with what is wrong, like an unknown key.</summary>
public class ExperimentConfigSyntaxTests
{
    [Theory]
    [InlineData("repeats: 2\ncorpora: [a, b\n")]
    [InlineData("repeats: 2\ncorpora: [a, b\nmethods: [mrd]\n")]
    [InlineData("repeats: 2\n  methods: mrd\n")]
    [InlineData("corpora: {a: b\n")]
    public void Parse_SyntaxError_NamesFileLineAndColumn(string yaml)
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse(yaml, "/cfg/exp.yaml"));
        Assert.Matches(@"^/cfg/exp\.yaml:\d+:\d+: not valid YAML: ", ex.Message);
        Assert.DoesNotContain("current state of the object", ex.Message);
    }
}
