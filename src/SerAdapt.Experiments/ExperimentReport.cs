using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Experiments;

/// <summary>
/// Writes the report files of an experiment folder from its results: results.csv (one row per
/// run), summary.json, report.md (Table-1 layout, Wilcoxon tests against Source-only, settings, the
/// <see cref="RunRecord"/>) and the bar chart (PNG and SVG). Every file appears whole or not at all.
/// </summary>
public static class ExperimentReport
{
    public const string ResultsCsv = "results.csv";
    public const string SummaryJson = "summary.json";
    public const string ReportMd = "report.md";
    public const string ChartPng = "chart.png";
    public const string ChartSvg = "chart.svg";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="notes">Extra paragraphs for the top of report.md (e.g. the demo's data description).</param>
    /// <param name="appendix">Markdown inserted before the settings (e.g. the demo's Figure 2 section).</param>
    public static ExperimentSummary Write(string directory, ExperimentConfig config, Shard shard, IReadOnlyList<RunResult> results,
        RunRecord record, IReadOnlyList<string>? notes = null, string? appendix = null)
    {
        var summary = ExperimentSummary.Of(config, results);
        AtomicFile.WriteAllText(Path.Combine(directory, ResultsCsv), Csv(config, results));
        var json = Json(config, shard, summary);
        json["record"] = record.ToJson(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, SummaryJson), json.ToJsonString(ExperimentConfig.JsonOptions) + "\n");
        bool chart = summary.Rows.Any(r => r.Runs > 0);
        if (chart) ResultsChart.Write(config, summary, Path.Combine(directory, Path.GetFileNameWithoutExtension(ChartPng)));
        AtomicFile.WriteAllText(Path.Combine(directory, ReportMd),
            Markdown(config, shard, summary, results, notes ?? [], chart, appendix) + "\n" + record.Markdown(directory).TrimEnd() + "\n");
        return summary;
    }

    /// <summary>"IEMOCAP → MSP-IMPROV" for "a-to-b", "IEMOCAP + PODCAST → MSP-IMPROV" for several sources, from the corpus file names.</summary>
    public static string DirectionLabel(ExperimentConfig config, string direction)
    {
        var (source, target) = Corpora(config, direction);
        return $"{source} → {target}";
    }

    /// <summary>The source (sources joined by " + ") and target of <paramref name="direction"/>, by file name.</summary>
    public static (string Source, string Target) Corpora(ExperimentConfig config, string direction)
    {
        if (config.HasSources) return (string.Join(" + ", config.Sources.Select(CorpusLabel)), CorpusLabel(config.Target));
        string a = CorpusLabel(config.CorpusA), b = CorpusLabel(config.CorpusB);
        return direction == "a-to-b" ? (a, b) : (b, a);
    }

    /// <summary>What a report's title names: "A and B", or the one direction of several sources.</summary>
    public static string Title(ExperimentConfig config) => config.HasSources
        ? DirectionLabel(config, ExperimentConfig.SourcesToTarget)
        : $"{CorpusLabel(config.CorpusA)} and {CorpusLabel(config.CorpusB)}";

    public static string CorpusLabel(string path) => Path.GetFileNameWithoutExtension(path);

    public static string Csv(ExperimentConfig config, IReadOnlyList<RunResult> results)
    {
        var sb = new StringBuilder("method,direction,source,target,seed,repeat,pearson,ccc,rmse,epochs,seconds,oracle\n");
        foreach (var r in results)
        {
            var (source, target) = Corpora(config, r.Direction);
            sb.Append(Inv, $"{r.Method},{r.Direction},{CsvText.Field(source)},{CsvText.Field(target)},{r.Seed},{r.Repeat},")
              .Append(Inv, $"{r.Pearson:R},{r.Ccc:R},{r.Rmse:R},{r.Epochs},{r.Seconds:F3},{(r.UsedOracle ? "true" : "false")}\n");
        }
        return sb.ToString();
    }

    private static JsonObject Json(ExperimentConfig config, Shard shard, ExperimentSummary summary)
    {
        var rows = new JsonArray();
        foreach (var r in summary.Rows)
        {
            rows.Add(new JsonObject
            {
                ["method"] = r.Method,
                ["direction"] = r.Direction,
                ["label"] = DirectionLabel(config, r.Direction),
                ["runs"] = r.Runs,
                ["pearson-mean"] = Number(r.Pearson.Mean),
                ["pearson-std"] = Number(r.Pearson.Std),
                ["ccc-mean"] = Number(r.Ccc.Mean),
                ["ccc-std"] = Number(r.Ccc.Std),
                ["rmse-mean"] = Number(r.Rmse.Mean),
                ["rmse-std"] = Number(r.Rmse.Std),
                ["epochs-mean"] = Number(r.MeanEpochs),
                ["seconds-total"] = Number(r.TotalSeconds),
                ["oracle"] = r.UsedOracle,
                ["versus-source-only"] = r.VersusSourceOnly is { } t
                    ? new JsonObject
                    {
                        ["pairs"] = t.Pairs,
                        ["ccc-mean-difference"] = Number(t.MeanCccDifference),
                        ["ccc-wilcoxon-statistic"] = Number(t.CccStatistic),
                        ["ccc-p"] = Number(t.CccP),
                        ["pearson-p"] = Number(t.PearsonP),
                        ["exact"] = t.Exact,
                    }
                    : null,
            });
        }
        return new JsonObject
        {
            ["shard"] = shard.ToString(),
            ["planned-runs"] = summary.PlannedRuns,
            ["finished-runs"] = summary.FinishedRuns,
            ["config"] = ExperimentConfig.ToJson(config),
            ["rows"] = rows,
        };
    }

    // JSON has no NaN: missing statistics (one run, no pairs) are null.
    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static string Markdown(ExperimentConfig config, Shard shard, ExperimentSummary summary, IReadOnlyList<RunResult> results,
        IReadOnlyList<string> notes, bool chart, string? appendix)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Cross-corpus valence regression: {Title(config)}").AppendLine();
        foreach (var note in notes) sb.AppendLine(note).AppendLine();
        if (config.HasSources)
            sb.AppendLine("Each source corpus is z-normalised with its own statistics and the sources are pooled into one labelled source " +
                          "(as `train --source` does); DANN and ADDA see the pooled sources as one domain against the target.").AppendLine();
        if (config.TrainOnTargetNote is { } trainOnTarget) sb.AppendLine(trainOnTarget).AppendLine();

        var differences = config.DifferencesFromPaper();
        if (differences.Count > 0)
        {
            sb.AppendLine("> **Reduced configuration.** These runs do not use the paper's settings, so the numbers are not")
              .AppendLine("> comparable with the paper's Table 1 in size, only in tendency. Differences: " + string.Join("; ", differences) + ".")
              .AppendLine();
        }
        if (config.UsesOracle || results.Any(r => r.UsedOracle))
        {
            sb.AppendLine("> **Oracle model selection.** The epoch of each run was chosen with the *target* labels")
              .AppendLine("> (`selection: oracle`). This is an upper bound, not an unsupervised result.")
              .AppendLine();
        }
        if (!shard.IsWhole)
            sb.AppendLine($"> **Shard {shard} only.** Join all shards with `seradapt merge` for the full report.").AppendLine();
        int expected = config.Plan().Count(r => shard.Contains(r.Index));
        if (results.Count < expected)
            sb.AppendLine($"> **Incomplete.** {results.Count} of {expected} runs finished; the statistics below use those only.").AppendLine();

        var directions = config.DirectionList;
        sb.AppendLine("## Table 1: agreement with the target's valence labels").AppendLine();
        sb.AppendLine($"Pearson's r (PR) and concordance correlation coefficient (CCC), in %, on all target utterances; " +
                      $"mean ± standard deviation over the runs (n per cell in brackets when it differs from {config.Repeats}).").AppendLine();
        var paperMethods = config.Methods.Where(m => config.Registry.Contains(m) && config.Registry[m].InPaper).ToList();
        var beyond = config.Methods.Except(paperMethods).ToList();
        ResultTable(sb, config, summary, paperMethods);
        if (beyond.Count > 0)
        {
            sb.AppendLine("### Beyond the paper").AppendLine();
            sb.AppendLine("Methods that are not among the paper's five systems, under the same protocol (same seeds, splits and scoring):").AppendLine();
            ResultTable(sb, config, summary, beyond);
        }

        sb.AppendLine("For reference, the paper's Table 1 (CCC %, mean of 10 runs, IS10 features, real corpora):").AppendLine();
        sb.AppendLine($"| Method | {PaperTable1.Directions[0]} CCC | {PaperTable1.Directions[1]} CCC |").AppendLine("|---|---:|---:|");
        foreach (var (method, values) in PaperTable1.CccPercent)
            sb.AppendLine(string.Create(Inv, $"| {config.Registry.Display(method)} | {values[0]:F2} | {values[1]:F2} |"));
        sb.AppendLine();

        if (chart)
            sb.AppendLine($"![CCC per method and direction, mean ± std]({ChartPng})").AppendLine()
              .AppendLine($"Bar chart of the CCC (mean ± std): [{ChartPng}]({ChartPng}), [{ChartSvg}]({ChartSvg}).").AppendLine();

        if (config.Methods.Contains(ExperimentConfig.SourceOnly) && config.Methods.Count > 1)
        {
            sb.AppendLine("## Against Source-only: Wilcoxon signed-rank test").AppendLine();
            sb.AppendLine("Each method against Source-only over the repeats both ran (paired: the same seed and source split), " +
                          "two-sided. ΔCCC is the mean paired difference in percentage points. A p-value needs at least 6 " +
                          "pairs to fall below 0.05.").AppendLine();
            sb.AppendLine("| Direction | Method | pairs | ΔCCC | W (CCC) | p (CCC) | p (PR) |").AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var row in summary.Rows.Where(r => r.Method != ExperimentConfig.SourceOnly))
            {
                var t = row.VersusSourceOnly;
                sb.AppendLine(t is null
                    ? $"| {DirectionLabel(config, row.Direction)} | {config.Registry.Display(row.Method)} | 0 | – | – | – | – |"
                    : string.Create(Inv, $"| {DirectionLabel(config, row.Direction)} | {config.Registry.Display(row.Method)} | {t.Pairs} | {t.MeanCccDifference * 100:+0.00;-0.00;0.00} | {Fixed(t.CccStatistic, "F1")} | {P(t.CccP)} | {P(t.PearsonP)} |"));
            }
            sb.AppendLine().AppendLine("(p exact from the null distribution when there are no ties or zero differences; otherwise the normal approximation.)").AppendLine();
        }

        if (appendix is not null) sb.AppendLine(appendix.TrimEnd()).AppendLine();
        sb.AppendLine("## Settings").AppendLine();
        sb.AppendLine("| setting | value |").AppendLine("|---|---|");
        foreach (var (key, value) in ExperimentConfig.ToJson(config))
            sb.AppendLine($"| {key} | {(value is JsonValue v && v.TryGetValue(out string? s) ? s : value?.ToJsonString())} |");
        sb.AppendLine($"| shard | {shard} |");
        sb.AppendLine();
        sb.AppendLine($"Runs: {results.Count} of {expected} finished; training time {TimeSpan.FromSeconds(results.Sum(r => r.Seconds)):hh\\:mm\\:ss}. " +
                      "Per-run seeds are derived from the master seed, the direction and the repeat (every method of a repeat shares its seed):");
        sb.AppendLine();
        foreach (var d in directions)
        {
            var seeds = config.Plan().Where(r => r.Direction == d && r.Method == config.Methods[0]).Select(r => r.Seed.ToString(Inv));
            sb.AppendLine($"- {DirectionLabel(config, d)}: {string.Join(", ", seeds)}");
        }
        sb.AppendLine().AppendLine($"Every run is in [{ResultsCsv}]({ResultsCsv}); the statistics are in [{SummaryJson}]({SummaryJson}).");
        return sb.ToString();
    }

    private static void ResultTable(StringBuilder sb, ExperimentConfig config, ExperimentSummary summary, IReadOnlyList<string> methods)
    {
        if (methods.Count == 0) return;
        var directions = config.DirectionList;
        sb.Append("| Method |");
        foreach (var d in directions) sb.Append($" {DirectionLabel(config, d)} PR | {DirectionLabel(config, d)} CCC |");
        sb.AppendLine();
        sb.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|---:|", directions.Count))).AppendLine();
        foreach (var method in methods)
        {
            sb.Append($"| {config.Registry.Display(method)} |");
            foreach (var d in directions)
            {
                var row = summary.Find(method, d)!;
                string n = row.Runs == config.Repeats ? "" : $" (n={row.Runs})";
                sb.Append($" {Percent(row.Pearson)}{n} | {Percent(row.Ccc)}{n} |");
            }
            sb.AppendLine();
        }
        sb.AppendLine();
    }

    /// <summary>"12.34 ± 1.23" (%), "12.34" for one value, "–" for none.</summary>
    internal static string Percent(Statistic s) =>
        double.IsNaN(s.Mean) ? "–" : double.IsNaN(s.Std) ? string.Create(Inv, $"{s.Mean * 100:F2}") : string.Create(Inv, $"{s.Mean * 100:F2} ± {s.Std * 100:F2}");

    private static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "< 0.001" : p.ToString("F3", Inv);

    private static string Fixed(double v, string format) => double.IsNaN(v) ? "n/a" : v.ToString(format, Inv);
}
