using System.Text.Json.Serialization;

namespace SerAdapt.Experiments;

/// <summary>
/// What a grid run leaves (its model is not kept): per epoch, every label-free criterion's score
/// (<see cref="Scores"/>: name -> one value per epoch) and the target CCC (<see cref="TargetCcc"/>, which reads
/// the target's labels: used only to measure the regret). One line of the grid log.
/// </summary>
public sealed record EpochScores(
    string Method,
    string Direction,
    int Repeat,
    int Point,
    string Settings,
    int Seed,
    IReadOnlyDictionary<string, double[]> Scores,
    double[] TargetCcc)
{
    [JsonIgnore]
    public GridKey Key => new(Method, Direction, Repeat, Point);

    [JsonIgnore]
    public int Epochs => TargetCcc.Length;

    /// <summary>Equal in every score, bit for bit: what a resumed or sharded grid must reproduce.</summary>
    public bool SameAs(EpochScores other) =>
        Key == other.Key && Seed == other.Seed && Settings == other.Settings && TargetCcc.SequenceEqual(other.TargetCcc)
        && Scores.Count == other.Scores.Count && Scores.All(s => other.Scores.TryGetValue(s.Key, out var o) && s.Value.SequenceEqual(o));
}
