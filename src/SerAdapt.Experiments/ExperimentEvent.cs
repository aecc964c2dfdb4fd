using SerAdapt.Adaptation;

namespace SerAdapt.Experiments;

/// <summary>Progress of an experiment, reported synchronously from the thread that runs it.</summary>
public abstract record ExperimentEvent;

/// <summary><paramref name="Planned"/> runs in this shard, <paramref name="AlreadyFinished"/> of them found in the run log.</summary>
public sealed record ExperimentStarted(int Planned, int AlreadyFinished, int ToRun) : ExperimentEvent;

/// <summary>Run <paramref name="Number"/> (1-based) of the <paramref name="ToRun"/> runs left.</summary>
public sealed record RunStarted(RunSpec Run, int Number, int ToRun) : ExperimentEvent;

public sealed record RunProgressed(RunSpec Run, TrainingProgress Progress) : ExperimentEvent;

public sealed record RunFinished(RunSpec Run, RunResult Result, int Number, int ToRun) : ExperimentEvent;
