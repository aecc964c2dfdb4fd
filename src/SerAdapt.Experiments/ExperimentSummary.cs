using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>Table 1 of an experiment: a <see cref="MethodSummary"/> per direction and method, in plan order.</summary>
public sealed record ExperimentSummary(
    IReadOnlyList<MethodSummary> Rows,
    int PlannedRuns,
    int FinishedRuns)
{
    public static ExperimentSummary Of(ExperimentConfig config, IReadOnlyList<RunResult> results)
    {
        var rows = new List<MethodSummary>();
        foreach (var direction in config.DirectionList)
        {
            var baseline = results.Where(r => r.Direction == direction && r.Method == ExperimentConfig.SourceOnly)
                .ToDictionary(r => r.Repeat);
            foreach (var method in config.Methods)
            {
                var runs = results.Where(r => r.Direction == direction && r.Method == method).OrderBy(r => r.Repeat).ToList();
                PairedTest? test = null;
                if (method != ExperimentConfig.SourceOnly)
                {
                    var pairs = runs.Where(r => baseline.ContainsKey(r.Repeat)).ToList();
                    if (pairs.Count > 0) test = Compare(pairs, pairs.Select(r => baseline[r.Repeat]).ToList());
                }
                rows.Add(new MethodSummary(method, direction, runs.Count,
                    Statistic.Of(runs.Select(r => r.Pearson).ToList()),
                    Statistic.Of(runs.Select(r => r.Ccc).ToList()),
                    Statistic.Of(runs.Select(r => r.Rmse).ToList()),
                    runs.Count > 0 ? runs.Average(r => r.Epochs) : double.NaN,
                    runs.Sum(r => r.Seconds),
                    runs.Any(r => r.UsedOracle),
                    test));
            }
        }
        return new ExperimentSummary(rows, config.Plan().Count, results.Count);
    }

    public MethodSummary? Find(string method, string direction) =>
        Rows.FirstOrDefault(r => r.Method == method && r.Direction == direction);

    private static PairedTest Compare(List<RunResult> method, List<RunResult> sourceOnly)
    {
        double[] ccc = method.Select(r => r.Ccc).ToArray(), cccBase = sourceOnly.Select(r => r.Ccc).ToArray();
        double[] pr = method.Select(r => r.Pearson).ToArray(), prBase = sourceOnly.Select(r => r.Pearson).ToArray();
        var cccTest = TryTest(ccc, cccBase);
        var prTest = TryTest(pr, prBase);
        return new PairedTest(method.Count, ccc.Zip(cccBase, (a, b) => a - b).Average(),
            cccTest?.Statistic ?? double.NaN, cccTest?.PValue ?? double.NaN, prTest?.PValue ?? double.NaN,
            cccTest?.Exact ?? false);
    }

    // The test is undefined when every pair is equal (e.g. a deterministic method); the report shows "n/a".
    private static WilcoxonResult? TryTest(double[] x, double[] y) =>
        x.Zip(y).All(p => p.First == p.Second) ? null : WilcoxonSignedRank.Test(x, y);
}
