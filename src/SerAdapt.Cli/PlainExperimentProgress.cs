using System.Globalization;
using SerAdapt.Adaptation;
using SerAdapt.Experiments;

namespace SerAdapt.Cli;

/// <summary>
/// An experiment's progress as plain lines, for output that is not a terminal (log files, cluster jobs):
/// one line per finished run, and within a run a line at the end of an epoch when
/// <see cref="Interval"/> has passed since the last line (so one per epoch when epochs are slow, one
/// every 30 s when they are fast). Each line has an estimate of the time left, from the elapsed time
/// and the share of the runs done. <paramref name="clock"/> gives the time since the start (tests pass their own).
/// </summary>
internal sealed class PlainExperimentProgress(TextWriter output, Func<TimeSpan> clock) : IProgress<ExperimentEvent>
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private TimeSpan _start, _lastLine;
    private int _finished, _toRun;

    public void Report(ExperimentEvent value)
    {
        switch (value)
        {
            case ExperimentStarted s:
                _start = _lastLine = clock();
                _toRun = s.ToRun;
                output.WriteLine($"{s.Planned} runs planned, {s.AlreadyFinished} already finished, {s.ToRun} to run.");
                break;
            case RunProgressed { Progress: var t } p when t.Step == t.StepsPerEpoch:
                var now = clock();
                if (now - _lastLine < Interval) break;
                _lastLine = now;
                output.WriteLine($"[{_finished + 1}/{_toRun}] {Name(p.Run)}: {t.Position}; {Estimate(now, _finished + (double)t.Epoch / t.Epochs)}");
                break;
            case RunFinished f:
                _finished = f.Number;
                _lastLine = clock();
                output.WriteLine($"[{f.Number}/{f.ToRun}] {ExperimentConsole.Describe(f.Result)}; {Estimate(_lastLine, f.Number)}");
                break;
        }
    }

    private static string Name(RunSpec run) => $"{MethodRegistry.Default.Display(run.Method)} {run.Direction} #{run.Repeat}";

    // "40% done, 0:12:00 elapsed, about 0:18:00 left": the runs left are assumed to take as long as those done.
    private string Estimate(TimeSpan now, double runsDone)
    {
        var elapsed = now - _start;
        double share = _toRun == 0 ? 1 : Math.Clamp(runsDone / _toRun, 0, 1);
        string left = share > 0 ? Clock(elapsed * ((1 - share) / share)) : "unknown";
        return string.Create(Inv, $"{share * 100:F0}% done, {Clock(elapsed)} elapsed, about {left} left");
    }

    private static string Clock(TimeSpan t) => string.Create(Inv, $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}");
}
