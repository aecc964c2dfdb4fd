using System.Text;
using System.Text.RegularExpressions;
using SerAdapt.Experiments;

namespace SerAdapt.Cli.Tests;

/// <summary>
/// docs/slurm/table1.sh, run as Slurm would (without Slurm): its seradapt commands, read from the script,
/// once per array task with the task's variables set by hand, then the merge; the merged report must hold
/// the rows of one unsharded run.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed partial class SlurmScriptTests(TinyExperiment tiny) : IClassFixture<TinyExperiment>, IDisposable
{
    private const int Shards = 3;
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-slurm-script").FullName;

    public void Dispose()
    {
        SlurmVariables.Clear();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void SlurmScript_ArrayOfShardsThenMerge_EqualsUnshardedRun()
    {
        var commands = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Docs", "table1.sh"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("seradapt ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, commands.Count);
        Assert.StartsWith("seradapt experiment ", commands[0]);
        Assert.StartsWith("seradapt merge ", commands[1]);
        // The tiny experiment's settings with its corpora, as a cluster user's table1.yaml.
        string config = Path.Combine(_dir, "table1.yaml");
        File.WriteAllText(config, File.ReadAllText(tiny.Config).Replace("width: 64", "width: 16") + $"\ncorpora: [{tiny.A}, {tiny.B}]\n");
        var variables = new Dictionary<string, string> { ["CONFIG"] = config, ["OUT"] = Path.Combine(_dir, "out") };

        for (int task = 0; task < Shards; task++)
        {
            SlurmVariables.Set(task, Shards);
            variables["SLURM_ARRAY_TASK_ID"] = task.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shard = ConsoleCapture.Run(Words(commands[0], variables));
            Assert.True(shard.Code == 0, shard.Err);
        }
        SlurmVariables.Clear();
        var merge = ConsoleCapture.Run(Words(commands[1], variables));

        Assert.True(merge.Code == 0, merge.Err);
        for (int task = 0; task < Shards; task++)
            Assert.Equal(new Shard(task, Shards), ExperimentFolder.Open(Path.Combine(_dir, "out", $"shard-{task}")).Shard);
        Assert.Equal(ExperimentCommandTests.RowsWithoutSeconds(tiny.Reference), ExperimentCommandTests.RowsWithoutSeconds(Path.Combine(_dir, "out", "table1")));
    }

    /// <summary>
    /// The arguments after "seradapt" as bash would pass them: words split at spaces outside double quotes,
    /// $NAME, ${NAME} and ${NAME:-default} expanded, an unquoted * matched against folders.
    /// </summary>
    private static string[] Words(string line, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false, glob = false;
        string expanded = Variable().Replace(line, m =>
            variables.TryGetValue(m.Groups["name"].Value, out var v) ? v : m.Groups["default"].Success ? m.Groups["default"].Value : "");
        foreach (char c in expanded + " ")
        {
            if (c == '"') { quoted = !quoted; any = true; continue; }
            if (c == ' ' && !quoted)
            {
                if (any) words.AddRange(glob ? Glob(word.ToString()) : [word.ToString()]);
                word.Clear();
                any = glob = false;
                continue;
            }
            if (c == '*' && !quoted) glob = true;
            word.Append(c);
            any = true;
        }
        Assert.Equal("seradapt", words[0]);
        return [.. words.Skip(1)];
    }

    private static string[] Glob(string pattern) =>
        [.. Directory.GetDirectories(Path.GetDirectoryName(pattern)!, Path.GetFileName(pattern)).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\$\{(?<name>[A-Z_]+)(:-(?<default>[^}]*))?\}|\$(?<name>[A-Z_]+)")]
    private static partial Regex Variable();
}
