using SerAdapt.Evaluation;

namespace SerAdapt.Experiments;

/// <summary>The report's bar chart: CCC (%) mean ± std, one cluster per direction, one bar per method.</summary>
public static class ResultsChart
{
    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg.</summary>
    public static FigureFiles Write(ExperimentConfig config, ExperimentSummary summary, string pathWithoutExtension)
    {
        var directions = config.DirectionList;
        var mean = new double[config.Methods.Count, directions.Count];
        var std = new double[config.Methods.Count, directions.Count];
        for (int m = 0; m < config.Methods.Count; m++)
            for (int d = 0; d < directions.Count; d++)
            {
                var row = summary.Find(config.Methods[m], directions[d])!;
                mean[m, d] = row.Ccc.Mean * 100;
                std[m, d] = row.Ccc.Std * 100;
            }
        var chart = new GroupedBarChart(
            $"CCC on the target, mean ± std over {config.Repeats} run{(config.Repeats == 1 ? "" : "s")}",
            "CCC (%)",
            directions.Select(d => ExperimentReport.DirectionLabel(config, d)).ToList(),
            config.Methods.Select(config.Registry.Display).ToList(),
            mean, std);
        return chart.Save(pathWithoutExtension);
    }
}
