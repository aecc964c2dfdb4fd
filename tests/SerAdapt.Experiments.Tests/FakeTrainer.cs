using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary>
/// A trainer whose scores depend only on the run (method, direction, seed), like a real deterministic
/// one, and which can fail after a number of runs to simulate a crash.
/// </summary>
internal sealed class FakeTrainer
{
    public int Calls { get; private set; }
    public int? CrashAfter { get; init; }
    public List<RunKey> Trained { get; } = [];

    public RunOutcome Train(RunSpec run, IProgress<TrainingProgress> progress, CancellationToken cancellationToken)
    {
        if (CrashAfter is { } k && Calls == k) throw new SimulatedCrashException();
        Calls++;
        Trained.Add(run.Key);
        progress.Report(new TrainingProgress(1, 2, 1, 1, new Dictionary<string, double> { ["mse"] = 0.5 }));
        var rng = new Random(RunSeeds.Derive(run.Seed, run.Method + run.Direction, 0));
        double boost = run.Method switch { "mrd" => 0.1, "train-on-target" => 0.2, _ => 0 };
        double ccc = 0.15 + boost + 0.05 * rng.NextDouble();
        return new RunOutcome(ccc + 0.05, ccc, 1 - ccc, 3, false);
    }
}

internal sealed class SimulatedCrashException : Exception;
