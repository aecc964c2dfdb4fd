using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>
/// Trains and scores one run. Must depend only on <paramref name="run"/> (its method, direction and
/// seed), so a resumed or sharded experiment reproduces an uninterrupted one.
/// </summary>
public delegate RunOutcome RunTrainer(RunSpec run, IProgress<TrainingProgress> progress, CancellationToken cancellationToken);
