using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

public class ExperimentConfigFileTests
{
    [Fact]
    public void Parse_EveryKey_SetsTheSetting()
    {
        var yaml = """
            corpora: [iemocap.parquet, /abs/msp.parquet]
            directions: a-to-b
            methods: [source-only, mrd]
            repeats: 3
            seed: 42
            epochs: 20
            lr: 5e-4
            batch-size: 32
            width: 256
            encoder-layers: 3
            dropout: 0.25
            selection: oracle
            validation-fraction: 0.2
            patience: 4
            threads: 2
            m: 4
            mrd-r1-layers: 2
            mrd-r2-layers: 3
            dann-discriminator-layers: 2
            dann-discriminator-width: 128
            coral-lambda: 0.5
            regressor-layers: 3
            mmd-lambda: 0.5
            mmd-kernels: 3
            mmd-kernel-multiplier: 2
            adda-pretrain-fraction: 0.25
            adda-discriminator-layers: 2
            adda-discriminator-width: 64
            rsd-lambda: 0.5
            rsd-bases-weight: 0.2
            daregram-angle: 0.1
            daregram-scale: 0.01
            daregram-threshold: 0.95
            grid: {mrd: {m: [1, 3]}}
            """;
        var c = ExperimentConfigFile.Parse(yaml, "/cfg/exp.yaml");
        Assert.Equal("/cfg/iemocap.parquet", c.CorpusA);
        Assert.Equal("/abs/msp.parquet", c.CorpusB);
        Assert.Equal(["a-to-b"], c.DirectionList);
        Assert.Equal(["source-only", "mrd"], c.Methods);
        var t = c.Training;
        Assert.Equal((3, 42, 20, 5e-4f, 32, 256, 3, 0.25f), (c.Repeats, c.Seed, t.Epochs, t.LearningRate, t.BatchSize, t.Width, t.EncoderLayers, t.Dropout));
        Assert.True(c.UsesOracle);
        Assert.Equal((0.2f, 4, 2), (t.ValidationFraction, t.Patience, t.Threads));
        var mrd = Assert.IsType<Mrd>(c.CreateMethod("mrd")).Options;
        var dann = Assert.IsType<Dann>(c.CreateMethod("dann")).Options;
        var coral = Assert.IsType<DeepCoral>(c.CreateMethod("coral")).Options;
        Assert.Equal((4, 2, 3, 2, 128, 0.5f, 3), (mrd.EncoderSteps, mrd.R1Layers, mrd.R2Layers, dann.DiscriminatorLayers,
            dann.DiscriminatorWidth, coral.Lambda, coral.RegressorLayers));
        var rsd = Assert.IsType<Rsd>(c.CreateMethod("rsd")).Options;
        var gram = Assert.IsType<DareGram>(c.CreateMethod("daregram")).Options;
        Assert.Equal((0.5f, 0.2f, 0.1f, 0.01f, 0.95f, 3), (rsd.Lambda, rsd.BasesWeight, gram.AngleWeight, gram.ScaleWeight, gram.Threshold, gram.RegressorLayers));
        Assert.Equal(2, c.Grid.Points("mrd").Count);
        // Every key the parser knows is exercised above, but source and target: the other way of naming the corpora (SeveralSourcesConfigTests).
        Assert.Equal(ExperimentConfigFile.KnownKeys().Except(["source", "target"]).Count(), yaml.Split('\n').Length);
    }

    [Fact]
    public void Parse_UnknownKey_FailsNamingKeyAndLine()
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("repeats: 3\nepoch: 5\n", "exp.yaml"));
        Assert.StartsWith("exp.yaml:2:1: unknown key 'epoch'", ex.Message);
    }

    [Fact]
    public void Parse_BadValue_FailsNamingLineAndColumn()
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("seed: 1\nrepeats: ten\n", "exp.yaml"));
        Assert.Equal("exp.yaml:2:10: expected a whole number, got 'ten'.", ex.Message);
    }

    [Fact]
    public void Parse_OutOfRangeValue_FailsAtItsLine()
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("seed: 1\ndropout: 1.5\n", "exp.yaml"));
        Assert.StartsWith("exp.yaml:2:10: dropout must be in [0, 1)", ex.Message);
    }

    [Fact]
    public void Parse_UnknownMethod_ListsKnownOnes()
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("methods: [mrd, cmd]\n", "e.yaml"));
        Assert.Contains("unknown method 'cmd'", ex.Message);
        Assert.Contains("source-only, train-on-target, dann, coral, mrd", ex.Message);
    }

    [Fact]
    public void Parse_RenamedKeyOrValue_SaysTheNewName()
    {
        var key = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("seed: 1\nlearning-rate: 1e-4\n", "e.yaml"));
        Assert.Equal("e.yaml:2:1: 'learning-rate' is now called 'lr'.", key.Message);
        var value = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("selection: source-validation\n", "e.yaml"));
        Assert.Contains("'source-validation' is now called 'source-val'", value.Message);
    }

    [Fact]
    public void Parse_SelectionWords_AreTheCommandLines()
    {
        Assert.Equal(ModelSelection.SourceValidation, ExperimentConfigFile.Parse("selection: source-val\n", "e.yaml").Training.Selection);
        Assert.Equal(ModelSelection.FixedEpochs, ExperimentConfigFile.Parse("selection: fixed\n", "e.yaml").Training.Selection);
    }

    [Fact]
    public void Parse_DuplicateKey_Fails()
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("seed: 1\nseed: 2\n", "e.yaml"));
        Assert.StartsWith("e.yaml:2:1:", ex.Message);
    }

    [Fact]
    public void Parse_InvalidYaml_FailsWithPosition()
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("seed: [1, 2\n", "e.yaml"));
        Assert.StartsWith("e.yaml:", ex.Message);
        Assert.Contains("not valid YAML", ex.Message);
    }

    [Fact]
    public void Parse_OneCorpus_Fails()
    {
        var ex = Assert.Throws<ConfigException>(() => ExperimentConfigFile.Parse("corpora: [a.parquet]\n", "e.yaml"));
        Assert.Contains("exactly two", ex.Message);
    }

    [Fact]
    public void Defaults_AreThePapersConfiguration()
    {
        var c = new ExperimentConfig { CorpusA = "a", CorpusB = "b" };
        c.Validate();
        Assert.Empty(c.DifferencesFromPaper());
        Assert.Equal(100, c.Plan().Count);
        Assert.Contains("epochs: 5 (paper: 100)", (c with { Training = c.Training with { Epochs = 5 } }).DifferencesFromPaper());
    }
}
