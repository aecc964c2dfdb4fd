using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SerAdapt.Engine;

namespace SerAdapt.Benchmarks;

/// <summary>
/// The GEMMs of one Linear layer (in -> 1024) at batch sizes 64, 256 and 1024, on 1 and 2 threads,
/// with GFLOP/s and the fraction of the measured FMA peak as extra columns.
/// Run: dotnet run -c Release --project bench/SerAdapt.Benchmarks -- --filter '*GemmBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class GemmBenchmarks
{
    private GemmOperands _operands = null!;

    [Params(64, 256, 1024)]
    public int Batch { get; set; }

    [Params(1582, 1024)]
    public int In { get; set; }

    [Params(GemmShape.Forward, GemmShape.WeightGradient, GemmShape.InputGradient)]
    public string Operation { get; set; } = GemmShape.Forward;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _operands = new GemmShape(Operation, Batch, In, 1024).Allocate(new Random(1));
    }

    [Benchmark]
    public void Multiply() => _operands.Run(Threads);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new GflopsColumn(fractionOfPeak: false), new GflopsColumn(fractionOfPeak: true));
        }
    }
}
