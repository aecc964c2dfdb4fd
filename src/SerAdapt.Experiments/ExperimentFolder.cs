using System.Text.Json;
using System.Text.Json.Nodes;
using SerAdapt.Files;

namespace SerAdapt.Experiments;

/// <summary>
/// A report folder: experiment.json (configuration, shard and the corpus files' checksums, written when the experiment starts),
/// the run log, and the report files written from it. Guards against overwriting: an existing
/// folder is reused only with resume (same configuration) and cleared only with force.
/// </summary>
public sealed class ExperimentFolder
{
    public const string ManifestName = "experiment.json";
    public const int FormatVersion = 2;

    /// <summary>Files this tool writes into a report folder; --force deletes exactly these.</summary>
    public static readonly IReadOnlyList<string> OwnFiles =
        [ManifestName, RunLog.FileName, ExperimentReport.ResultsCsv, ExperimentReport.SummaryJson, ExperimentReport.ReportMd,
         ExperimentReport.ChartPng, ExperimentReport.ChartSvg, SelectionStudy.GridLog, SelectionReport.Csv];

    private ExperimentFolder(string directory, ExperimentConfig config, Shard shard, IReadOnlyDictionary<string, CorpusFingerprint> corpora)
    {
        Directory = directory;
        Config = config;
        Shard = shard;
        Corpora = corpora;
    }

    public string Directory { get; }
    public ExperimentConfig Config { get; }
    public Shard Shard { get; }

    /// <summary>Each corpus file as the experiment started, by role ("a"/"b", or the sources and "target"; only those that existed).</summary>
    public IReadOnlyDictionary<string, CorpusFingerprint> Corpora { get; private set; }
    public string RunLogPath => Path.Combine(Directory, RunLog.FileName);

    public List<RunResult> ReadResults() => RunLog.Read(RunLogPath);

    public void Append(RunResult result) => RunLog.Append(RunLogPath, result);

    /// <summary>
    /// Opens <paramref name="directory"/> for the experiment: creates it when missing or empty; with
    /// <paramref name="resume"/> continues a folder of the same configuration and shard (a folder
    /// that does not exist yet is simply started); with <paramref name="force"/> deletes the files
    /// of an earlier experiment first. Anything else that exists is refused. <paramref name="corpora"/>: the corpus
    /// files' fingerprints when the caller has them (with row counts, or a merge's recorded ones); else they are computed.
    /// </summary>
    public static ExperimentFolder Create(string directory, ExperimentConfig config, Shard shard, bool resume, bool force,
        IReadOnlyDictionary<string, CorpusFingerprint>? corpora = null)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full)) throw new ReportFolderException($"Report folder {full} is a file.");
        bool hasContent = System.IO.Directory.Exists(full) && System.IO.Directory.EnumerateFileSystemEntries(full).Any();
        bool isReport = File.Exists(Path.Combine(full, ManifestName));
        if (hasContent && resume && isReport)
        {
            var existing = Open(full);
            if (existing.Shard != shard)
                throw new ReportFolderException($"{full} holds shard {existing.Shard}, not {shard}; resume it with --shard {existing.Shard}.");
            var difference = FirstDifference(existing.Config, config);
            if (difference is not null)
                throw new ReportFolderException($"{full} was started with another configuration ({difference}); use another folder or --force to start over.");
            // The finished runs were trained on the recorded data: results of other data must not be mixed in.
            var now = corpora ?? Fingerprints(config);
            foreach (var (role, recorded) in existing.Corpora)
                if (!recorded.SameData(now.GetValueOrDefault(role)))
                    throw new ReportFolderException($"{config.CorpusFiles.FirstOrDefault(f => f.Role == role).Path ?? role} changed since the experiment in {full} started ({recorded.Describe()}, now {now.GetValueOrDefault(role)?.Describe() ?? "missing"}); "
                        + "resuming would mix results of two data sets: use another folder or --force to start over.");
            RunLog.Repair(existing.RunLogPath);
            // threads may differ between the runs of one experiment: keep the caller's.
            return new ExperimentFolder(full, config, shard, existing.Corpora);
        }
        if (hasContent && !force)
        {
            throw new ReportFolderException(isReport
                ? $"Report folder {full} already exists; add --resume to continue it or --force to start over."
                : $"{full} exists and is not an experiment report folder; choose an empty or new folder.");
        }
        if (hasContent && !isReport)
            throw new ReportFolderException($"{full} exists and is not an experiment report folder; --force only replaces report folders.");
        System.IO.Directory.CreateDirectory(full);
        foreach (var name in OwnFiles)
            File.Delete(Path.Combine(full, name));
        foreach (var figure in System.IO.Directory.EnumerateFiles(full, SelectionReport.FigurePrefix + "*.*")
                     .Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)))
            File.Delete(figure);
        // Models an earlier grid kept (--keep-models): their point numbers may mean other settings now.
        var keptModels = Path.Combine(full, SelectionStudy.ModelsFolder);
        if (System.IO.Directory.Exists(keptModels)) System.IO.Directory.Delete(keptModels, recursive: true);
        var folder = new ExperimentFolder(full, config, shard, corpora ?? Fingerprints(config));
        folder.WriteManifest();
        return folder;
    }

    /// <summary>Reads an existing report folder (for merge and resume).</summary>
    public static ExperimentFolder Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(full, ManifestName);
        if (!File.Exists(manifestPath)) throw new ReportFolderException($"{full} is not an experiment report folder (no {ManifestName}).");
        try
        {
            var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
            int version = manifest["format"]!.GetValue<int>();
            if (version != FormatVersion)
                throw new ReportFolderException($"{manifestPath}: format {version}, this tool reads format {FormatVersion}.");
            var config = ExperimentConfig.FromJson(manifest["config"]!);
            var shard = Shard.Parse(manifest["shard"]!.GetValue<string>());
            var corpora = (manifest["corpora"]?.AsObject() ?? []).ToDictionary(kv => kv.Key, kv => CorpusFingerprint.FromJson(kv.Value!));
            return new ExperimentFolder(full, config, shard, corpora);
        }
        catch (Exception ex) when (ex is JsonException or NullReferenceException or InvalidOperationException or ArgumentException)
        {
            throw new ReportFolderException($"{manifestPath}: not a readable experiment manifest ({ex.Message}).");
        }
    }

    /// <summary>The first setting that decides results and differs, as "key: a vs b"; null when none.</summary>
    public static string? FirstDifference(ExperimentConfig a, ExperimentConfig b)
    {
        var x = JsonNode.Parse(a.Fingerprint())!.AsObject();
        var y = JsonNode.Parse(b.Fingerprint())!.AsObject();
        foreach (var (key, value) in x)
            if (!JsonNode.DeepEquals(value, y[key]))
                return $"{key}: {value?.ToJsonString()} vs {y[key]?.ToJsonString()}";
        return null;
    }

    private void WriteManifest()
    {
        var manifest = new JsonObject
        {
            ["format"] = FormatVersion,
            ["shard"] = Shard.ToString(),
            ["config"] = ExperimentConfig.ToJson(Config),
            ["corpora"] = new JsonObject(Corpora.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value.ToJson()))),
        };
        AtomicFile.WriteAllText(Path.Combine(Directory, ManifestName), manifest.ToJsonString(ExperimentConfig.JsonOptions) + "\n");
    }

    /// <summary>
    /// Records the corpus files of a folder made before they existed (the demo writes its corpora into its
    /// report folder): fingerprints them now, with <paramref name="rows"/> by role, and rewrites experiment.json.
    /// </summary>
    public void RecordCorpora(IReadOnlyDictionary<string, int> rows)
    {
        Corpora = Fingerprints(Config, rows);
        WriteManifest();
    }

    /// <summary>
    /// The corpus files of <paramref name="config"/> by role (<see cref="ExperimentConfig.CorpusFiles"/>: "a" and "b", or every source
    /// and the target; those that exist: tests may name files that do not), with their row counts when given.
    /// </summary>
    public static IReadOnlyDictionary<string, CorpusFingerprint> Fingerprints(ExperimentConfig config, IReadOnlyDictionary<string, int>? rows = null)
    {
        var records = new Dictionary<string, CorpusFingerprint>();
        foreach (var (role, file) in config.CorpusFiles)
            if (File.Exists(file))
                records[role] = CorpusFingerprint.Of(file, rows is not null && rows.TryGetValue(role, out int n) ? n : null);
        return records;
    }
}
