using System.Text;
using System.Text.Json;

namespace SerAdapt.Experiments;

/// <summary>
/// The crash-safe record of finished runs: one JSON object per line, each appended and flushed to
/// disk (fsync) as soon as its run ends. A kill can only leave a partial last line; reading drops
/// it and <see cref="Repair"/> cuts it off before the next append.
/// </summary>
public static class RunLog
{
    public const string FileName = "runs.jsonl";

    private static readonly JsonSerializerOptions LineOptions = new(ExperimentConfig.JsonOptions) { WriteIndented = false };

    public static void Append<T>(string path, T result)
    {
        var line = JsonSerializer.Serialize(result, LineOptions) + "\n";
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The complete lines of the log; a missing file is an empty log.</summary>
    public static List<RunResult> Read(string path) => ReadCore<RunResult>(path, out _);

    /// <summary>The complete lines of a log of other records (e.g. a grid's <see cref="EpochScores"/>).</summary>
    public static List<T> Read<T>(string path) => ReadCore<T>(path, out _);

    /// <summary>Cuts off a partial last line (left by a kill during an append).</summary>
    public static void Repair(string path)
    {
        ReadCore<JsonElement>(path, out long validLength);
        if (File.Exists(path) && new FileInfo(path).Length != validLength)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            stream.SetLength(validLength);
            stream.Flush(flushToDisk: true);
        }
    }

    private static List<T> ReadCore<T>(string path, out long validLength)
    {
        var results = new List<T>();
        validLength = 0;
        if (!File.Exists(path)) return results;
        var bytes = File.ReadAllBytes(path);
        int start = 0, lineNumber = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            lineNumber++;
            bool complete = end >= 0;
            var text = Encoding.UTF8.GetString(bytes, start, (complete ? end : bytes.Length) - start);
            T? result = default;
            try
            {
                result = JsonSerializer.Deserialize<T>(text, ExperimentConfig.JsonOptions);
            }
            catch (JsonException) when (!complete)
            {
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a run record ({ex.Message}).");
            }
            if (!complete) break; // a partial last line: the run it describes counts as unfinished
            if (result is null) throw new InvalidDataException($"{path}:{lineNumber}: empty run record.");
            results.Add(result);
            start = end + 1;
            validLength = start;
        }
        return results;
    }
}
