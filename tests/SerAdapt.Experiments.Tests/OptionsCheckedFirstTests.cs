using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary>Bad options are refused, naming the setting, before anything is created.</summary>
public class OptionsCheckedFirstTests
{
    [Theory]
    [InlineData(0.0, 3, "scale")]
    [InlineData(-1.0, 3, "scale")]
    [InlineData(double.NaN, 3, "scale")]
    [InlineData(0.25, 0, "repeats")]
    public void Demo_BadOption_RefusedBeforeTheFolderIsMade(double scale, int repeats, string setting)
    {
        using var tmp = new TempDir();
        var options = DemoOptions.Default with { Scale = scale, Experiment = DemoOptions.Default.Experiment with { Repeats = repeats } };
        var ex = Assert.Throws<InvalidSettingException>(() => Demo.Run(tmp.Sub("demo"), options, force: false));
        Assert.Equal(setting, ex.Key);
        Assert.False(Directory.Exists(tmp.Sub("demo")));
    }

    [Fact]
    public void Validate_SameCorpusTwice_Refused()
    {
        var config = ExperimentRunnerTests.Tiny with { CorpusA = "/data/a.parquet", CorpusB = "/data/../data/a.parquet" };
        var ex = Assert.Throws<InvalidSettingException>(config.Validate);
        Assert.Equal("corpora", ex.Key);
    }
}
