using SerAdapt.Data;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

public class AdaptationTrainerTests
{
    private static readonly ExperimentConfig Small = new()
    {
        CorpusA = "a.parquet",
        CorpusB = "b.parquet",
        Repeats = 2,
        Training = new TrainingOptions { Epochs = 8, LearningRate = 3e-3f, Width = 16, EncoderLayers = 2, BatchSize = 16, Selection = ModelSelection.FixedEpochs, Threads = 1 },
        MethodSettings = TinyCorpora.SmallNetworks,
    };

    [Fact]
    public void SeveralSources_TrainOnTheSourcesPooledBySourceCorpora_ForTheOneDirection()
    {
        var config = Small with { CorpusA = "", CorpusB = "", Sources = ["a.parquet", "c.parquet"], Target = "b.parquet", Methods = ["source-only"] };
        CorpusDomain Domain(string path, Corpus corpus) => CorpusDomain.FromCorpus(corpus, path, "valence", labelRequired: true);
        CorpusDomain a = Domain("a.parquet", TinyCorpora.Make("a", 120, 12, 3, 0f, 1)), c = Domain("c.parquet", TinyCorpora.Make("c", 60, 12, 2, 1f, 3)),
            b = Domain("b.parquet", TinyCorpora.Make("b", 90, 12, 3, 0.5f, 2));

        var trainer = new AdaptationTrainer(config, [a, c], b);

        var (source, target) = trainer.Domains(ExperimentConfig.SourcesToTarget);
        var pooled = SourceCorpora.Pool([a, c], b, "valence").Data;
        Assert.Equal(180, source.Count);
        Assert.All(Enumerable.Range(0, source.Count), i => Assert.True(pooled.Features.Row(i).SequenceEqual(source.Features.Row(i)), $"row {i}"));
        Assert.Equal(pooled.Labels, source.Labels);
        Assert.Equal(pooled.Groups, source.Groups);
        Assert.Same(b.Data, target);
        Assert.Equal(new Dictionary<string, int> { ["source-1"] = 120, ["source-2"] = 60, ["target"] = 90 }, trainer.Rows);
        Assert.Equal(b.GroupNames, trainer.Sessions("target"));
        using var tmp = new TempDir();
        var runs = ExperimentRunner.Run(ExperimentFolder.Create(tmp.Sub("r"), config, Shard.Whole, false, false), trainer.Train);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.InRange(r.Ccc, -1, 1));
    }

    [Fact]
    public void Experiment_AllFiveMethodsOnTinyPair_ScoresEveryRunAndResumesIdentically()
    {
        var trainer = new AdaptationTrainer(Small, TinyCorpora.Make("a", 120, 12, 3, 0f, 1), TinyCorpora.Make("b", 90, 12, 3, 0.5f, 2));
        using var tmp = new TempDir();
        var whole = ExperimentRunner.Run(ExperimentFolder.Create(tmp.Sub("whole"), Small, Shard.Whole, false, false), trainer.Train);
        Assert.Equal(20, whole.Count);
        Assert.All(whole, r =>
        {
            Assert.InRange(r.Ccc, -1, 1);
            Assert.InRange(r.Pearson, -1, 1);
            Assert.True(r.Rmse > 0);
            Assert.Equal(8, r.Epochs);
        });
        // 56 steps do not fit the label scale (CCC stays low) but the predictions already correlate.
        var summary = ExperimentSummary.Of(Small, whole);
        Assert.True(summary.Find("source-only", "b-to-a")!.Pearson.Mean > 0.3);

        // Crash after 7 runs, resume: the same numbers as the uninterrupted experiment.
        int calls = 0;
        RunTrainer crashing = (run, p, ct) => ++calls > 7 ? throw new SimulatedCrashException() : trainer.Train(run, p, ct);
        var dir = tmp.Sub("resumed");
        Assert.Throws<SimulatedCrashException>(() => ExperimentRunner.Run(ExperimentFolder.Create(dir, Small, Shard.Whole, false, false), crashing));
        var resumed = ExperimentRunner.Run(ExperimentFolder.Create(dir, Small, Shard.Whole, resume: true, false), trainer.Train);
        Assert.Equal(whole.Select(r => r with { Seconds = 0 }), resumed.Select(r => r with { Seconds = 0 }));
    }

    [Fact]
    public void Domains_SourceOnOneToSevenTargetOnOneToFive_CarriesSourceLabelsOntoTheTargetsScale()
    {
        var a = TinyCorpora.Make("a", 60, 12, 3, 0f, 1);
        var seven = new Corpus(a.Name, a.Ids, a.FeatureNames, a.Features, a.Valence, a.Arousal, a.Dominance, a.Speakers, a.Sessions, a.Genders,
            scales: LabelScales.Uniform(LabelScale.OneToSeven));
        var b = TinyCorpora.Make("b", 50, 12, 3, 0.5f, 2);
        var trainer = new AdaptationTrainer(Small, seven, b);
        var (source, target) = trainer.Domains("a-to-b");
        for (int i = 0; i < a.Count; i++)
            Assert.Equal(1 + (a.Valence[i] - 1) * 4.0 / 6.0, source.Labels![i], 1e-5);
        Assert.Equal(b.Valence, target.Labels);
        Assert.Equal(a.Valence, trainer.Domains("b-to-a").Target.Labels);
        Assert.Equal(2, trainer.ScaleMappings.Count);
        Assert.StartsWith("a-to-b: source valence labels mapped onto the target's scale, 1-7", trainer.ScaleMappings[0]);
        Assert.StartsWith("b-to-a: source valence labels mapped onto the target's scale, 1-5", trainer.ScaleMappings[1]);
        Assert.Empty(new AdaptationTrainer(Small, a, b).ScaleMappings);
    }
}
