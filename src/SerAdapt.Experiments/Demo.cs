using System.Diagnostics;
using System.Globalization;
using System.Text;
using SerAdapt.Adaptation;
using SerAdapt.Data;

namespace SerAdapt.Experiments;

/// <summary>
/// The whole paper on the built-in synthetic benchmark in one call: generates the corpus pair
/// (written to data/ so every step can be rerun by hand), runs Experiment 1 (five methods, both
/// directions) in a reduced configuration, then Experiment 2 (t-SNE) with the Source-only and MRD
/// models of the first A -> B repeat, and writes one report folder.
/// </summary>
public static class Demo
{
    public const string DefaultDirectory = "seradapt-demo";
    public const string DataFolder = "data";
    private const string Marker = "demo.txt";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static DemoResult Run(string directory, DemoOptions options, bool force,
        IProgress<ExperimentEvent>? events = null, IProgress<string>? stage = null, CancellationToken cancellationToken = default)
    {
        options.Validate(); // before the folder is made
        var watch = Stopwatch.StartNew();
        var full = Path.GetFullPath(directory);
        Prepare(full, force);

        var dataDir = Path.Combine(full, DataFolder);
        string pathA = Path.Combine(dataDir, "iemocap-synth.parquet"), pathB = Path.Combine(dataDir, "msp-improv-synth.parquet");
        var config = options.Experiment with { CorpusA = pathA, CorpusB = pathB, Training = options.Experiment.Training with { Seed = options.Seed } };
        var folder = ExperimentFolder.Create(full, config, Shard.Whole, resume: false, force: false);
        File.WriteAllText(Path.Combine(full, Marker), "Written by seradapt demo; 'seradapt demo --force' may replace this folder.\n");

        stage?.Report("generating the synthetic corpus pair");
        var bench = options.Benchmark;
        var pair = SyntheticBenchmark.Generate(bench);
        Directory.CreateDirectory(dataDir);
        CorpusFile.Write(pair.Source, pathA);
        CorpusFile.Write(pair.Target, pathB);
        folder.RecordCorpora(new Dictionary<string, int> { ["a"] = pair.Source.Count, ["b"] = pair.Target.Count });

        var trainer = new AdaptationTrainer(config, pair.Source, pair.Target);
        ValenceModel? sourceOnly = null, mrd = null;
        trainer.Fitted = (run, fit) =>
        {
            if (run is not { Direction: "a-to-b", Repeat: 0 }) return;
            if (run.Method == ExperimentConfig.SourceOnly) sourceOnly = fit.Model;
            if (run.Method == "mrd") mrd = fit.Model;
        };
        stage?.Report("Experiment 1: five methods, both directions");
        var results = ExperimentRunner.Run(folder, trainer.Train, events, cancellationToken);

        stage?.Report("Experiment 2: t-SNE of the encoded space");
        var (source, target) = trainer.Domains("a-to-b");
        var tsne = TsneStudy.Run(sourceOnly!, mrd!, source, target, trainer.Sessions("b"), full,
            options.Tsne with { Seed = options.Seed }, stage, cancellationToken);

        var ordered = ExperimentRunner.Order(config, results);
        var notes = new[]
        {
            string.Format(Inv, "**This is `seradapt demo`**: the paper's two experiments on the built-in *synthetic* corpus pair " +
                "({0} IEMOCAP-like and {1} MSP-IMPROV-like utterances with {2} features, {3:0.##} of the real corpora's sizes, " +
                "generator seed {4}; the files are in `{5}/`). The synthetic pair is built to have the real pair's difficulties, " +
                "not its numbers: compare tendencies with the paper, not values. To run the paper's configuration on your corpora, " +
                "see docs/reproducing-the-paper.md.",
                pair.Source.Count, pair.Target.Count, bench.Dimension, options.Scale, bench.Seed, DataFolder),
        };
        var summary = ExperimentReport.Write(full, config, Shard.Whole, ordered, RunRecord.Capture(folder.Corpora), notes, Figure2Section(tsne));
        return new DemoResult(full, config, summary, tsne, watch.Elapsed);
    }

    /// <summary>The report section of Experiment 2: the figure, the session choice and the distortion numbers.</summary>
    public static string Figure2Section(TsneStudyResult tsne)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## Figure 2: the encoded target space, Source-only and MRD").AppendLine();
        sb.AppendLine($"![t-SNE of encoded utterances]({TsneStudy.FigureName}.png)").AppendLine();
        sb.AppendLine("t-SNE of the encoder outputs of the first IEMOCAP-like → MSP-IMPROV-like repeat. Filled dots: target utterances " +
                      "of one session; open circles: as many random source utterances. Colour: low or high valence (split at each corpus's median). " +
                      $"Files: [{TsneStudy.FigureName}.png]({TsneStudy.FigureName}.png), [{TsneStudy.FigureName}.svg]({TsneStudy.FigureName}.svg).").AppendLine();
        sb.AppendLine("Sessions by Source-only mean absolute error (the figure shows the largest and the smallest, as the paper):").AppendLine();
        sb.AppendLine("| target session | utterances | MAE Source-only | MAE MRD | shown |").AppendLine("|---|---:|---:|---:|---|");
        foreach (var e in tsne.SessionErrors)
            sb.AppendLine(string.Create(Inv, $"| {e.Session} | {e.Utterances} | {e.SourceOnlyMae:F3} | {e.MrdMae:F3} | {(tsne.ShownSessions.Contains(e.Session) ? "yes" : "")} |"));
        sb.AppendLine();
        sb.AppendLine($"The numbers behind the picture ([{TsneStudy.DistortionName}]({TsneStudy.DistortionName})), per valence group of the target: " +
                      "mean encoder-space distance to the 10 nearest source utterances, mean |f1 − f2| of MRD's two heads (Source-only has one head), " +
                      "and mean absolute error.").AppendLine();
        sb.AppendLine("| system | group | utterances | distance to source | \\|f1 − f2\\| | abs. error |").AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (system, groups) in tsne.Distortion)
            foreach (var g in groups)
                sb.AppendLine(string.Create(Inv, $"| {MethodRegistry.Default.Display(system)} | {g.Group} | {g.Count} | {g.MeanSourceDistance:F3} | {(double.IsNaN(g.MeanDiscrepancy) ? "–" : g.MeanDiscrepancy.ToString("F3", Inv))} | {g.MeanAbsoluteError:F3} |"));
        sb.AppendLine();
        sb.AppendLine("Distances are in each model's own encoder space, so compare the low/high pattern within a system rather than the raw values across systems.");
        return sb.ToString();
    }

    /// <summary>Refuses a folder that holds anything but an earlier demo; an earlier demo is replaced only with force.</summary>
    private static void Prepare(string full, bool force)
    {
        if (File.Exists(full)) throw new ReportFolderException($"{full} is a file.");
        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any()) return;
        if (!File.Exists(Path.Combine(full, Marker)))
            throw new ReportFolderException($"{full} exists and is not a demo folder; choose another folder with -o.");
        if (!force)
            throw new ReportFolderException($"{full} holds an earlier demo; add --force to replace it, or choose another folder with -o.");
        foreach (var name in ExperimentFolder.OwnFiles.Concat([Marker, TsneStudy.FigureName + ".png", TsneStudy.FigureName + ".svg",
                     TsneStudy.DistortionName, TsneStudy.SessionsName]))
            File.Delete(Path.Combine(full, name));
        if (Directory.Exists(Path.Combine(full, DataFolder))) Directory.Delete(Path.Combine(full, DataFolder), recursive: true);
    }
}
