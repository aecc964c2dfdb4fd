using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary><c>source: [A, C]</c> and <c>target: B</c>: several labelled sources for one target, one direction.</summary>
public class SeveralSourcesConfigTests
{
    [Fact]
    public void Parse_SourceAndTarget_ResolvesPathsFromTheFileAndPlansOneDirection()
    {
        var c = ExperimentConfigFile.Parse("source: [a.parquet, /abs/c.parquet]\ntarget: b.parquet\nrepeats: 2\nmethods: [source-only, mrd]\n", "/cfg/exp.yaml");

        Assert.Equal(["/cfg/a.parquet", "/abs/c.parquet"], c.Sources);
        Assert.Equal("/cfg/b.parquet", c.Target);
        Assert.Equal([ExperimentConfig.SourcesToTarget], c.DirectionList);
        Assert.Equal(4, c.Plan().Count);
        Assert.All(c.Plan(), r => Assert.Equal(ExperimentConfig.SourcesToTarget, r.Direction));
        Assert.Equal([("source-1", "/cfg/a.parquet"), ("source-2", "/abs/c.parquet"), ("target", "/cfg/b.parquet")], c.CorpusFiles);
        Assert.Equal("a + c → b", ExperimentReport.DirectionLabel(c, ExperimentConfig.SourcesToTarget));
        // The manifest keeps the sources: a resumed or merged folder has the same experiment.
        var back = ExperimentConfig.FromJson(ExperimentConfig.ToJson(c));
        Assert.Equal(c.Sources, back.Sources);
        Assert.Equal(c.Target, back.Target);
        Assert.Null(ExperimentFolder.FirstDifference(c, back));
        Assert.Contains("source", ExperimentFolder.FirstDifference(c, c with { Sources = ["/cfg/a.parquet", "/abs/d.parquet"] }));
    }

    // One config of sources for several targets: the target (or the sources) may come from the command line, so the
    // file alone is accepted; the completed configuration is checked when the experiment starts.
    [Fact]
    public void Parse_SourcesWithoutTarget_IsAcceptedAndTheTargetIsNeededAtTheStart()
    {
        var c = ExperimentConfigFile.Parse("source: [a.parquet, c.parquet]\n", "/cfg/exp.yaml");

        Assert.Equal(["/cfg/a.parquet", "/cfg/c.parquet"], c.Sources);
        var ex = Assert.Throws<InvalidSettingException>(c.Validate);
        Assert.Contains("needs a target corpus too", ex.Message);
        (c with { Target = "/data/b.parquet" }).Validate();
        Assert.Equal("/cfg/b.parquet", ExperimentConfigFile.Parse("target: b.parquet\n", "/cfg/exp.yaml").Target); // the sources from the command line
    }

    [Fact]
    public void Parse_OneSourceAsAScalar_IsTheSourceRole()
    {
        var c = ExperimentConfigFile.Parse("source: a.parquet\ntarget: b.parquet\n", "/cfg/exp.yaml");

        Assert.Equal([("source", "/cfg/a.parquet"), ("target", "/cfg/b.parquet")], c.CorpusFiles);
    }

    [Theory]
    [InlineData("corpora: [a, b]\nsource: [c]\ntarget: d\n", "exp.yaml:1:10: corpora and source/target are two ways of naming the corpora")]
    [InlineData("source: []\ntarget: b\n", "exp.yaml:1:9: 'source' needs at least one corpus file")]
    [InlineData("source: [a, a]\ntarget: b\n", "exp.yaml:1:9: source names ")]
    [InlineData("source: [a, c]\ntarget: a\n", "exp.yaml:2:9: target ")]
    [InlineData("source: [a, c]\ntarget: [b]\n", "exp.yaml:2:9: expected a single value")]
    [InlineData("source: [a, c]\ntarget: b\ndirections: b-to-a\n", "exp.yaml:3:13: directions is for two corpora")]
    public void Parse_BadSourceOrTarget_FailsWithFileLineAndColumn(string yaml, string expected)
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse(yaml, "exp.yaml"));

        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void Schema_NamesSourceAndTarget()
    {
        string schema = ExperimentConfigFile.Schema();

        Assert.Contains("\n# source: [", schema);
        Assert.Contains("\n# target: ", schema);
        Assert.Contains("source", ExperimentConfigFile.KnownKeys());
        Assert.Contains("target", ExperimentConfigFile.KnownKeys());
    }
}
