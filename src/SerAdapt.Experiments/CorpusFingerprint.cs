using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SerAdapt.Experiments;

/// <summary>
/// What identifies the data of a corpus file: its SHA-256 and size (and its row count when known), with
/// the path it was read from. Resume and merge compare the content, never the path (a folder may move).
/// </summary>
public sealed record CorpusFingerprint(string Path, string Sha256, long Bytes, int? Rows = null)
{
    /// <summary>Hashes <paramref name="path"/> (the whole file, streamed).</summary>
    public static CorpusFingerprint Of(string path, int? rows = null)
    {
        using var stream = File.OpenRead(path);
        return new CorpusFingerprint(path, Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length, rows);
    }

    /// <summary>Same data: same checksum and size, wherever the file lies.</summary>
    public bool SameData(CorpusFingerprint? other) => other is not null && other.Sha256 == Sha256 && other.Bytes == Bytes;

    /// <summary>"sha256 0123456789ab..., 1234 bytes" for messages.</summary>
    public string Describe() => $"sha256 {Sha256[..Math.Min(12, Sha256.Length)]}..., {Bytes} bytes";

    /// <param name="relativeTo">When given, the path is written relative to this folder where the two share a folder below the root.</param>
    public JsonObject ToJson(string? relativeTo = null)
    {
        var json = new JsonObject
        {
            ["path"] = relativeTo is null ? Path : RelativeWherePossible(relativeTo),
            ["sha256"] = Sha256,
            ["bytes"] = Bytes,
        };
        if (Rows is { } rows) json["rows"] = rows;
        return json;
    }

    // "../data/a.parquet" from /x/run for /x/data/a.parquet; the absolute path when only the root is shared.
    private string RelativeWherePossible(string folder)
    {
        string full = System.IO.Path.GetFullPath(folder);
        string relative = System.IO.Path.GetRelativePath(full, System.IO.Path.GetFullPath(Path));
        if (System.IO.Path.IsPathRooted(relative)) return Path; // another drive
        int up = relative.Split(System.IO.Path.DirectorySeparatorChar).TakeWhile(s => s == "..").Count();
        int depth = full.Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Length - (OperatingSystem.IsWindows() ? 1 : 0);
        return up < depth ? relative : Path;
    }

    public static CorpusFingerprint FromJson(JsonNode node) => new(
        node["path"]!.GetValue<string>(), node["sha256"]!.GetValue<string>(), node["bytes"]!.GetValue<long>(), node["rows"]?.GetValue<int>());
}
