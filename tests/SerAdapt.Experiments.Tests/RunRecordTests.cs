using System.Reflection;
using System.Security.Cryptography;
using SerAdapt.Engine;
using SerAdapt.Experiments;

namespace SerAdapt.Experiments.Tests;

/// <summary>The record of a run: version and commit, machine, runtime and corpus fingerprints, in JSON and Markdown.</summary>
public class RunRecordTests
{
    [Fact]
    public void Capture_TakesVersionAndCommitFromTheInformationalVersion_AndTheMachine()
    {
        string informational = typeof(RunRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var record = RunRecord.Capture(new Dictionary<string, CorpusFingerprint>());

        Assert.Equal(informational, record.Commit is null ? record.Version : $"{record.Version}+{record.Commit}");
        Assert.Equal(typeof(RunRecord).Assembly.GetName().Version!.ToString(3), record.Version);
        Assert.Equal(CpuInfo.Current, record.Cpu);
        Assert.Equal(Environment.ProcessorCount, record.Cores);
        Assert.Equal(Gemm.Kernel.ToString(), record.GemmKernel);
        Assert.InRange(record.Date, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        var machine = record.ToJson(Path.GetTempPath())["machine"]!;
        Assert.Equal(CpuInfo.Current.Family, machine["cpu-family"]!.GetValue<int>());
        Assert.Equal(CpuInfo.Current.VectorBits, machine["vector-bits"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("0.1.0+0123abc", "0.1.0", "0123abc")]
    [InlineData("0.2.0", "0.2.0", null)]
    [InlineData(null, "unknown", null)]
    public void ParseVersion_SplitsAtThePlus(string? informational, string version, string? commit)
    {
        Assert.Equal((version, commit), RunRecord.ParseVersion(informational));
    }

    [Fact]
    public void Corpora_ChecksumSizeRowsAndPathRelativeToTheOutput()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.Sub("data"));
        string corpus = Path.Combine(tmp.Sub("data"), "a.csv");
        File.WriteAllText(corpus, "id,valence,f0\na0,1,0.5\na1,2,0.25\n");
        var record = RunRecord.Capture(new Dictionary<string, CorpusFingerprint> { ["a"] = CorpusFingerprint.Of(corpus, rows: 2) });

        var a = record.ToJson(tmp.Sub("report"))["corpora"]!["a"]!;
        string markdown = record.Markdown(tmp.Sub("report"));

        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(corpus)));
        Assert.Equal(Path.Combine("..", "data", "a.csv"), a["path"]!.GetValue<string>());
        Assert.Equal(sha, a["sha256"]!.GetValue<string>());
        Assert.Equal(new FileInfo(corpus).Length, a["bytes"]!.GetValue<long>());
        Assert.Equal(2, a["rows"]!.GetValue<int>());
        Assert.Contains("## Reproducing this result", markdown);
        Assert.Contains($"| a | `{Path.Combine("..", "data", "a.csv")}` | 2 | {new FileInfo(corpus).Length} | `{sha}` |", markdown);
        Assert.Contains(record.Commit ?? "unknown", markdown);
    }

    [Fact]
    public void Corpora_SharingOnlyTheRootWithTheOutput_KeepTheAbsolutePath()
    {
        using var tmp = new TempDir();
        string corpus = tmp.Sub("a.csv");
        File.WriteAllText(corpus, "id,valence,f0\na0,1,0.5\n");
        var fingerprint = CorpusFingerprint.Of(corpus);
        string elsewhere = Path.Combine(Path.GetPathRoot(tmp.Path)!, "seradapt-elsewhere-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(corpus, fingerprint.ToJson(elsewhere)["path"]!.GetValue<string>());
        Assert.Equal("a.csv", fingerprint.ToJson(tmp.Path)["path"]!.GetValue<string>());
    }
}
