namespace SerAdapt.Experiments;

/// <summary>
/// Joins the folders of one experiment's shards (or any folders of the same configuration) into one
/// report folder. All inputs must come from the same configuration (threads aside), the same corpus
/// data (checksums in experiment.json) and the same shard count, with distinct shards; a run found
/// twice must have the same outcome. The merged folder records the shards' corpus checksums.
/// </summary>
public static class ShardMerger
{
    public static (ExperimentFolder Folder, IReadOnlyList<RunResult> Results) Merge(IReadOnlyList<string> inputs, string output, bool force)
    {
        if (inputs.Count == 0) throw new ArgumentException("Nothing to merge: give one or more report folders.");
        var folders = inputs.Select(ExperimentFolder.Open).ToList();
        var first = folders[0];
        foreach (var f in folders.Skip(1))
        {
            var difference = ExperimentFolder.FirstDifference(first.Config, f.Config);
            if (difference is not null)
                throw new ReportFolderException($"{f.Directory} has another configuration than {first.Directory} ({difference}).");
            foreach (var role in first.Corpora.Keys.Intersect(f.Corpora.Keys))
                if (!first.Corpora[role].SameData(f.Corpora[role]))
                    throw new ReportFolderException($"{f.Directory} was run on other data than {first.Directory}: corpus file {f.Corpora[role].Path} "
                        + $"({f.Corpora[role].Describe()}) differs from {first.Corpora[role].Path} ({first.Corpora[role].Describe()}).");
            if (f.Shard.Count != first.Shard.Count)
                throw new ReportFolderException($"{f.Directory} is shard {f.Shard} but {first.Directory} is shard {first.Shard}: shard counts differ.");
        }
        var seenShards = new Dictionary<Shard, string>();
        foreach (var f in folders)
            if (!seenShards.TryAdd(f.Shard, f.Directory))
                throw new ReportFolderException($"{f.Directory} and {seenShards[f.Shard]} are both shard {f.Shard}.");
        var outputFull = Path.GetFullPath(output);
        if (folders.Any(f => f.Directory == outputFull))
            throw new ReportFolderException($"The output folder {outputFull} is one of the inputs; merge into a new folder.");

        if (!first.Config.Grid.IsEmpty)
            return (MergeGrid(folders, output, force), []);
        var results = new Dictionary<RunKey, RunResult>();
        foreach (var f in folders)
            foreach (var r in f.ReadResults())
            {
                if (results.TryGetValue(r.Key, out var other) && !other.SameOutcome(r))
                    throw new ReportFolderException($"Run '{r.Key}' appears in two folders with different results ({f.Directory}).");
                results.TryAdd(r.Key, r);
            }

        var merged = ExperimentFolder.Create(output, first.Config, Shard.Whole, resume: false, force, first.Corpora);
        var ordered = ExperimentRunner.Order(first.Config, results.Values);
        foreach (var r in ordered) merged.Append(r);
        ExperimentReport.Write(merged.Directory, merged.Config, Shard.Whole, ordered, RunRecord.Capture(merged.Corpora));
        return (merged, ordered);
    }

    // A grid experiment's folders: their grid logs, joined per grid point.
    private static ExperimentFolder MergeGrid(List<ExperimentFolder> folders, string output, bool force)
    {
        var runs = new Dictionary<GridKey, EpochScores>();
        foreach (var f in folders)
            foreach (var r in RunLog.Read<EpochScores>(Path.Combine(f.Directory, SelectionStudy.GridLog)))
            {
                if (runs.TryGetValue(r.Key, out var other) && !other.SameAs(r))
                    throw new ReportFolderException($"Grid run '{r.Key}' appears in two folders with different scores ({f.Directory}).");
                runs.TryAdd(r.Key, r);
            }
        var first = folders[0];
        var merged = ExperimentFolder.Create(output, first.Config, Shard.Whole, resume: false, force, first.Corpora);
        var ordered = SelectionStudy.Order(first.Config, runs.Values);
        foreach (var r in ordered) RunLog.Append(Path.Combine(merged.Directory, SelectionStudy.GridLog), r);
        SelectionReport.Write(merged.Directory, merged.Config, Shard.Whole, ordered, RunRecord.Capture(merged.Corpora));
        return merged;
    }
}
