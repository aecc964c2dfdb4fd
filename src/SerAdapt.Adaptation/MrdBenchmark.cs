using System.Diagnostics;
using SerAdapt.Engine;

namespace SerAdapt.Adaptation;

/// <summary>
/// Times MRD training batches (steps 1, 2 and m x 3) of a given configuration on synthetic data after a
/// warm-up, and scales to one epoch of 10,000 source + 10,000 target utterances: ceil(10,000 / batch)
/// batches (157 at batch 64, the last one of 16 rows counted as a full one). The defaults are the
/// paper's network (1582 inputs, encoder 1024 x 4, R1 4 and R2 5 layers, batch 64, m = 3).
/// </summary>
public static class MrdBenchmark
{
    public const int EpochUtterances = 10_000;

    public static MrdBenchmarkResult Run(int inputs = 1582, int width = 1024, int batch = 64, int batches = 24,
        int warmup = 3, int seed = 1, TrainingOptions? training = null, MrdOptions? mrd = null, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        training = (training ?? new TrainingOptions()) with { Width = width, BatchSize = batch };
        mrd ??= new MrdOptions();
        training.Validate();
        Settings.Validate(mrd);
        var rng = new Rng((ulong)seed);
        var model = ValenceModel.Create("mrd", Mrd.Architecture(inputs, training, mrd), rng.Child("model"));
        model.EncoderNetwork.Threads = threads;
        foreach (var head in model.HeadNetworks)
            head.Threads = threads;
        var trainer = new MrdTrainer(model, training.LearningRate, mrd.EncoderSteps);
        var data = rng.Child("data");
        // Two different batch pairs, alternated, so successive batches do not reuse the same rows.
        var xs = new[] { Normal(data, batch, inputs), Normal(data, batch, inputs) };
        var xt = new[] { Normal(data, batch, inputs), Normal(data, batch, inputs) };
        var ys = new[] { Labels(data, batch), Labels(data, batch) };
        for (int i = 0; i < warmup; i++)
            trainer.TrainBatch(xs[i % 2], ys[i % 2], xt[i % 2]);
        var seconds = new double[batches];
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < batches; i++)
        {
            long start = Stopwatch.GetTimestamp();
            trainer.TrainBatch(xs[i % 2], ys[i % 2], xt[i % 2]);
            seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        double mean = seconds.Average();
        Array.Sort(seconds);
        int perEpoch = (EpochUtterances + batch - 1) / batch;
        return new MrdBenchmarkResult(mean, seconds[batches / 2], seconds[0], mean * perEpoch, perEpoch,
            (double)allocated / batches, batches, $"{inputs}-{width}x{training.EncoderLayers}, R1 {mrd.R1Layers}, R2 {mrd.R2Layers}, batch {batch}, m {mrd.EncoderSteps}",
            GemmFlops(inputs, width, training.EncoderLayers, mrd, batch));
    }

    /// <summary>
    /// Flops of the matrix products in one batch (steps 1, 2 and m x 3; 2 flops per multiply-add):
    /// forwards, weight gradients of the networks being updated, input gradients wherever a gradient
    /// flows on (not into x). 21.3 GFLOP for the paper's configuration.
    /// </summary>
    public static double GemmFlops(int inputs, int width, int encoderLayers, MrdOptions mrd, int batch)
    {
        double F(int i, int o) => 2.0 * batch * i * o;
        double encoder = F(inputs, width) + (encoderLayers - 1) * F(width, width);
        double encoderBackward = F(inputs, width) + (encoderLayers - 1) * 2 * F(width, width); // dW all, dX all but the first
        double heads = (mrd.R1Layers + mrd.R2Layers - 2) * F(width, width) + 2 * F(width, 1);
        double firstHeadLayers = (mrd.R1Layers > 1 ? F(width, width) : F(width, 1)) + (mrd.R2Layers > 1 ? F(width, width) : F(width, 1));
        double step1 = encoder + heads + 2 * heads + encoderBackward;
        double step2 = 2 * (encoder + heads + 2 * heads - firstHeadLayers); // source and target passes; E fixed: no dX into h
        double step3 = encoder + heads + heads + encoderBackward;          // heads fixed: dX only
        return step1 + step2 + mrd.EncoderSteps * step3;
    }

    /// <summary>Standard-normal features (rows, cols), as z-normalised inputs look.</summary>
    public static Matrix Normal(Rng rng, int rows, int cols)
    {
        var m = new Matrix(rows, cols);
        rng.FillNormal(m.Span, 0f, 1f);
        return m;
    }

    /// <summary>Valence labels uniform on the 1-5 scale, one column.</summary>
    public static Matrix Labels(Rng rng, int rows)
    {
        var m = new Matrix(rows, 1);
        rng.FillUniform(m.Span, 1f, 5f);
        return m;
    }
}
