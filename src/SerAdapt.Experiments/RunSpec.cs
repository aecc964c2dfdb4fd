namespace SerAdapt.Experiments;

/// <summary>
/// One training run of an experiment: <paramref name="Method"/> adapted in <paramref name="Direction"/>
/// ("a-to-b" or "b-to-a"), repeat number <paramref name="Repeat"/> (0-based), with <paramref name="Seed"/>
/// from <see cref="RunSeeds"/>. <paramref name="Index"/> is the run's place in the full plan (shards
/// take every n-th index).
/// </summary>
public sealed record RunSpec(int Index, string Method, string Direction, int Repeat, int Seed)
{
    public RunKey Key => new(Method, Direction, Repeat);
}

/// <summary>Identifies a run independently of its place in the plan.</summary>
public readonly record struct RunKey(string Method, string Direction, int Repeat)
{
    public override string ToString() => $"{Method} {Direction} #{Repeat}";
}
