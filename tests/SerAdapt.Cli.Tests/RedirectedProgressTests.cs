using SerAdapt.Adaptation;
using SerAdapt.Experiments;
using Spectre.Console;

namespace SerAdapt.Cli.Tests;

/// <summary>Progress for output that is not a terminal: plain lines with the time left, paths not wrapped. The clock is the test's.</summary>
public class RedirectedProgressTests
{
    private static readonly RunSpec Mrd = new(0, "mrd", "a-to-b", 0, 11);
    private static readonly Dictionary<string, double> Losses = new() { ["mse"] = 0.5 };

    private sealed class TestClock
    {
        public TimeSpan Now { get; set; }
    }

    private static (PlainExperimentProgress Progress, StringWriter Output, TestClock Clock) Start(int toRun)
    {
        var output = new StringWriter();
        var clock = new TestClock();
        var progress = new PlainExperimentProgress(output, () => clock.Now);
        progress.Report(new ExperimentStarted(toRun, 0, toRun));
        return (progress, output, clock);
    }

    // Every step of `epochs` epochs of 2 steps, the clock moving `perEpoch` at each epoch's end.
    private static void Train(PlainExperimentProgress progress, TestClock clock, RunSpec run, int epochs, TimeSpan perEpoch, Func<int, FoldProgress?>? fold = null)
    {
        for (int e = 1; e <= epochs; e++)
            for (int step = 1; step <= 2; step++)
            {
                if (step == 2) clock.Now += perEpoch;
                progress.Report(new RunProgressed(run, new TrainingProgress(e, epochs, step, 2, Losses, fold?.Invoke(e))));
            }
    }

    private static string[] Lines(StringWriter output) => output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void SlowEpochs_OneLinePerEpoch_WithTheTimeLeft()
    {
        var (progress, output, clock) = Start(toRun: 2);

        Train(progress, clock, Mrd, epochs: 5, TimeSpan.FromSeconds(40));

        var lines = Lines(output);
        Assert.Equal(6, lines.Length);
        // After epoch 1 of 5 of run 1 of 2, a tenth of the work took 40 s: 9 × 40 s = 6:00 are left.
        Assert.Equal("[1/2] MRD a-to-b #0: epoch 1/5; 10% done, 0:00:40 elapsed, about 0:06:00 left", lines[1]);
        Assert.Equal("[1/2] MRD a-to-b #0: epoch 5/5; 50% done, 0:03:20 elapsed, about 0:03:20 left", lines[5]);
    }

    [Fact]
    public void FastEpochs_AtMostOneLineEvery30Seconds()
    {
        var (progress, output, clock) = Start(toRun: 1);

        Train(progress, clock, Mrd, epochs: 9, TimeSpan.FromSeconds(10));

        var lines = Lines(output).Skip(1).ToArray();
        Assert.Equal(["epoch 3/9", "epoch 6/9", "epoch 9/9"], lines.Select(l => l.Split(": ")[1].Split(';')[0]));
    }

    [Fact]
    public void TrainOnTargetRun_SaysFoldAndEpoch_AndAFinishedRunGivesTheTimeLeft()
    {
        var (progress, output, clock) = Start(toRun: 2);
        var run = new RunSpec(1, "train-on-target", "b-to-a", 0, 11);

        // Fold 3 of 6: epochs 11..15 of the whole cross-validation's 35.
        Train(progress, clock, run, epochs: 35, TimeSpan.FromSeconds(31), e => new FoldProgress((e - 1) / 5 + 1, 6, (e - 1) % 5 + 1, 5));
        clock.Now = TimeSpan.FromMinutes(20);
        progress.Report(new RunFinished(run, new RunResult("train-on-target", "b-to-a", 0, 11, 0.5, 0.4, 0.9, 35, 1200, false), 1, 2));

        var lines = Lines(output);
        Assert.Contains(lines, l => l.StartsWith("[1/2] Train-on-Target b-to-a #0: fold 3/6, epoch 2/5; ", StringComparison.Ordinal));
        Assert.EndsWith("; 50% done, 0:20:00 elapsed, about 0:20:00 left", lines[^1]);
        Assert.StartsWith("[1/2] Train-on-Target b-to-a #0: CCC 40.00", lines[^1]);
    }

    [Fact]
    public void RedirectedConsole_LongPath_IsPrintedOnOneLine()
    {
        string path = "/" + string.Join("/", Enumerable.Repeat("a-rather-long-folder-name", 12)) + "/report.md";
        string Print(bool redirected)
        {
            var writer = new StringWriter();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
            console.Profile.Width = 80; // what Spectre.Console assumes without a terminal
            RedirectedConsole.Configure(console, redirected);
            console.MarkupLineInterpolated($"Report: [link]{path}[/]");
            return writer.ToString();
        }

        Assert.Equal($"Report: {path}", Print(redirected: true).TrimEnd());
        Assert.NotEqual($"Report: {path}", Print(redirected: false).TrimEnd());
    }
}
