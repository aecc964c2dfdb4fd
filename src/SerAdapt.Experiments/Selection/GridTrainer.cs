using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>Trains one grid run and returns its per-epoch scores; must depend only on <paramref name="run"/>.</summary>
public delegate EpochScores GridTrainer(GridRun run, IProgress<TrainingProgress> progress, CancellationToken cancellationToken);
