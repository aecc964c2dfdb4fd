using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using SerAdapt.Engine;

namespace SerAdapt.Experiments;

/// <summary>
/// What it takes to reproduce a result besides its settings: the tool's version and commit (from the
/// informational version the .NET SDK stamps, "0.1.0+commit"), the date, the machine (CPU, cores, the GEMM
/// kernel chosen, OS), the .NET runtime, and each corpus file's fingerprint. Written into model.json,
/// summary.json and report.md, beside the settings they already hold.
/// </summary>
public sealed record RunRecord(
    string Version,
    string? Commit,
    DateTimeOffset Date,
    CpuInfo Cpu,
    int Cores,
    string GemmKernel,
    string OperatingSystem,
    string DotNet,
    IReadOnlyDictionary<string, CorpusFingerprint> Corpora)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The record of this process now, with the corpora by role ("a"/"b", "source"/"target").</summary>
    public static RunRecord Capture(IReadOnlyDictionary<string, CorpusFingerprint> corpora)
    {
        var (version, commit) = ParseVersion(typeof(RunRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
        return new RunRecord(version, commit, DateTimeOffset.UtcNow, CpuInfo.Current, Environment.ProcessorCount, Gemm.Kernel.ToString(),
            $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})", RuntimeInformation.FrameworkDescription, corpora);
    }

    /// <summary>"0.1.0+0123abc" -> ("0.1.0", "0123abc"); no "+": no commit.</summary>
    public static (string Version, string? Commit) ParseVersion(string? informational)
    {
        if (string.IsNullOrEmpty(informational)) return ("unknown", null);
        int plus = informational.IndexOf('+');
        return plus < 0 ? (informational, null) : (informational[..plus], informational[(plus + 1)..]);
    }

    /// <param name="relativeTo">The folder the record is written into: corpus paths are relative to it where possible.</param>
    public JsonObject ToJson(string relativeTo) => new()
    {
        ["tool"] = "SerAdapt",
        ["version"] = Version,
        ["commit"] = Commit,
        ["date"] = Date.ToString("yyyy-MM-ddTHH:mm:ssZ", Inv),
        ["machine"] = new JsonObject
        {
            ["cpu"] = Cpu.Name,
            ["cpu-vendor"] = Cpu.Vendor,
            ["cpu-family"] = Cpu.Family,
            ["cpu-model"] = Cpu.Model,
            ["vector-bits"] = Cpu.VectorBits,
            ["cores"] = Cores,
            ["gemm-kernel"] = GemmKernel,
            ["os"] = OperatingSystem,
        },
        ["dotnet"] = DotNet,
        ["corpora"] = new JsonObject(Corpora.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value.ToJson(relativeTo)))),
    };

    /// <summary>The "Reproducing this result" section of a report in <paramref name="relativeTo"/>.</summary>
    public string Markdown(string relativeTo)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## Reproducing this result").AppendLine();
        sb.AppendLine($"- SerAdapt {Version}, commit {Commit ?? "unknown"}; written {Date.ToString("yyyy-MM-dd HH:mm", Inv)} UTC")
          .AppendLine(string.Create(Inv, $"- {Cpu.Name} (family {Cpu.Family} model {Cpu.Model}, {Cpu.VectorBits}-bit vectors), {Cores} cores, GEMM kernel {GemmKernel}"))
          .AppendLine($"- {OperatingSystem}; {DotNet}")
          .AppendLine();
        if (Corpora.Count > 0)
        {
            sb.AppendLine("| corpus | file | rows | bytes | SHA-256 |").AppendLine("|---|---|---:|---:|---|");
            foreach (var (role, c) in Corpora)
            {
                var json = c.ToJson(relativeTo);
                sb.AppendLine(string.Create(Inv, $"| {role} | `{json["path"]}` | {(c.Rows is { } n ? n.ToString(Inv) : "–")} | {c.Bytes} | `{c.Sha256}` |"));
            }
            sb.AppendLine();
        }
        sb.AppendLine("With the settings above (also in summary.json), this version and these corpus files give the same numbers; " +
                      "the number of threads does not change them.").AppendLine();
        return sb.ToString();
    }
}
