using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SerAdapt.Adaptation;
using SerAdapt.Engine;

namespace SerAdapt.Benchmarks;

/// <summary>
/// MRD training at the paper's configuration (Interspeech 2019): 1582 inputs, encoder 1024 x 4,
/// R1 4 layers, R2 5 layers, batch 64, m = 3, Adam. <see cref="TrainingStep"/> is one batch (step 1,
/// step 2, 3 x step 3); <see cref="ReducedEpoch"/> runs 16 consecutive batches over a shuffled
/// 1024 + 1024-row pair (the epoch loop's work without its bookkeeping) and the "10k+10k epoch"
/// column scales its mean to the 157 batches of a 10,000-utterance source epoch.
/// Run: dotnet run -c Release --project bench/SerAdapt.Benchmarks -- --filter '*MrdEpochBenchmark*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MrdEpochBenchmark
{
    public const int Inputs = 1582;
    public const int Batch = 64;
    public const int ReducedSteps = 16;
    public const int StepsPer10kEpoch = 157; // ceil(10,000 / 64): 156 full batches and one of 16 rows

    private MrdTrainer _trainer = null!;
    private Matrix _sourceX = null!, _sourceY = null!, _targetX = null!;
    private Matrix[] _batchesX = [], _batchesY = [], _batchesT = [];

    [GlobalSetup]
    public void Setup()
    {
        var training = new TrainingOptions { BatchSize = Batch };
        var model = ValenceModel.Create("mrd", Mrd.Architecture(Inputs, training, new MrdOptions()), new Rng(0));
        _trainer = new MrdTrainer(model, training.LearningRate, new MrdOptions().EncoderSteps);
        var rng = new Rng(1);
        (_sourceX, _sourceY, _targetX) = (MrdBenchmark.Normal(rng, Batch, Inputs), MrdBenchmark.Labels(rng, Batch), MrdBenchmark.Normal(rng, Batch, Inputs));
        var pool = MrdBenchmark.Normal(rng, ReducedSteps * Batch, Inputs);
        var poolY = MrdBenchmark.Labels(rng, ReducedSteps * Batch);
        var poolT = MrdBenchmark.Normal(rng, ReducedSteps * Batch, Inputs);
        var order = rng.Permutation(ReducedSteps * Batch);
        _batchesX = [.. Enumerable.Range(0, ReducedSteps).Select(s => Gather(pool, order, s))];
        _batchesY = [.. Enumerable.Range(0, ReducedSteps).Select(s => Gather(poolY, order, s))];
        _batchesT = [.. Enumerable.Range(0, ReducedSteps).Select(s => Gather(poolT, order, s))];
    }

    [Benchmark]
    public MrdStepLosses TrainingStep() => _trainer.TrainBatch(_sourceX, _sourceY, _targetX);

    [Benchmark]
    public float ReducedEpoch()
    {
        float sum = 0;
        for (int s = 0; s < ReducedSteps; s++)
            sum += _trainer.TrainBatch(_batchesX[s], _batchesY[s], _batchesT[s]).Mse1;
        return sum;
    }



    private static Matrix Gather(Matrix pool, int[] order, int step)
    {
        var m = new Matrix(Batch, pool.Cols);
        for (int i = 0; i < Batch; i++) pool.Row(order[step * Batch + i]).CopyTo(m.Row(i));
        return m;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new EpochColumn());
    }

    /// <summary>Seconds of one 10k-utterance source epoch (157 batches), extrapolated from the benchmark's mean.</summary>
    private sealed class EpochColumn : IColumn
    {
        public string Id => "Epoch10k";
        public string ColumnName => "10k+10k epoch";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "mean time per batch x 157 batches (10,000 source + 10,000 target utterances, batch 64), in seconds";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
            if (meanNs is null) return "-";
            int batches = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ReducedEpoch) ? ReducedSteps : 1;
            return (meanNs.Value / batches * StepsPer10kEpoch / 1e9).ToString("F1", CultureInfo.InvariantCulture) + " s";
        }
    }
}
