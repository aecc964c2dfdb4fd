namespace SerAdapt.Experiments;

/// <summary>
/// One training of a grid experiment: <see cref="Point"/> of <see cref="Method"/> in a direction and repeat.
/// Every point of a repeat has that repeat's seed (<see cref="RunSeeds"/>), so points differ only in their settings.
/// <see cref="Index"/> is the place in the full plan (shards take every n-th).
/// </summary>
public sealed record GridRun(int Index, string Method, string Direction, int Repeat, int Seed, GridPoint Point)
{
    public GridKey Key => new(Method, Direction, Repeat, Point.Index);
}

/// <summary>Identifies a grid run independently of its place in the plan.</summary>
public readonly record struct GridKey(string Method, string Direction, int Repeat, int Point)
{
    public override string ToString() => $"{Method} {Direction} #{Repeat} point {Point}";
}
