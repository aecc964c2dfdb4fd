using System.Globalization;

namespace SerAdapt.Experiments;

/// <summary>
/// Part <see cref="Index"/> (0-based) of <see cref="Count"/>: the runs whose plan index i has
/// i mod Count == Index. "0/1" is the whole experiment. Matches job arrays numbered 0..n-1
/// (e.g. Slurm's <c>--array=0-3</c> with <c>--shard $SLURM_ARRAY_TASK_ID/4</c>).
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(0, 1);

    public bool IsWhole => Count == 1;

    public bool Contains(int planIndex) => planIndex % Count == Index;

    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            throw new ArgumentException($"--shard must look like k/n (e.g. 0/4), got '{text}'.");
        if (n < 1 || k >= n)
            throw new ArgumentException($"--shard {text}: n must be at least 1 and k in 0..n-1.");
        return new Shard(k, n);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
