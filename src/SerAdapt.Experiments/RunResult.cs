using System.Text.Json.Serialization;

namespace SerAdapt.Experiments;

/// <summary>One finished run: a line of results.csv and of the run log.</summary>
public sealed record RunResult(
    string Method,
    string Direction,
    int Repeat,
    int Seed,
    double Pearson,
    double Ccc,
    double Rmse,
    int Epochs,
    double Seconds,
    bool UsedOracle)
{
    [JsonIgnore]
    public RunKey Key => new(Method, Direction, Repeat);

    public static RunResult From(RunSpec run, RunOutcome outcome, double seconds) =>
        new(run.Method, run.Direction, run.Repeat, run.Seed, outcome.Pearson, outcome.Ccc, outcome.Rmse,
            outcome.Epochs, seconds, outcome.UsedOracle);

    /// <summary>Equal scores, epochs and seed (wall time aside): what a resumed run must reproduce.</summary>
    public bool SameOutcome(RunResult other) => this with { Seconds = 0 } == other with { Seconds = 0 };
}
