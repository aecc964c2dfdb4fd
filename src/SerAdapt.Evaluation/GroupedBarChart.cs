using ScottPlot;

namespace SerAdapt.Evaluation;

/// <summary>
/// Bars of mean +- standard deviation, one cluster per group (e.g. adaptation direction) and one
/// coloured bar per series (e.g. method) within it, with a legend of the series: the picture of
/// Table 1. <see cref="Mean"/> and <see cref="Std"/> are indexed [series, group]; a NaN standard
/// deviation (a single run) draws no error bar, a NaN mean no bar.
/// </summary>
public sealed record GroupedBarChart(
    string Title,
    string ValueLabel,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Series,
    double[,] Mean,
    double[,] Std)
{
    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg (each atomically) and returns their paths.</summary>
    public FigureFiles Save(string pathWithoutExtension, int width = 1400, int height = 850)
    {
        Check();
        var plot = new Plot();
        FigureStyle.Apply(plot, Title, "", ValueLabel);
        int s = Series.Count;
        double barWidth = 0.8 / s;
        double low = 0, high = 0;
        for (int k = 0; k < s; k++)
        {
            var bars = new List<Bar>();
            for (int g = 0; g < Groups.Count; g++)
            {
                double mean = Mean[k, g], std = Std[k, g];
                if (double.IsNaN(mean)) continue;
                double error = double.IsNaN(std) ? 0 : std;
                bars.Add(new Bar
                {
                    Position = g + (k - (s - 1) / 2.0) * barWidth,
                    Value = mean,
                    Error = error,
                    ErrorSize = barWidth * 0.4,
                    Size = barWidth * 0.92,
                    FillColor = FigureStyle.Palette[k % FigureStyle.Palette.Length],
                    LineColor = Colors.Black,
                    LineWidth = 1.5f,
                });
                low = Math.Min(low, mean - error);
                high = Math.Max(high, mean + error);
            }
            plot.Add.Bars(bars).LegendText = Series[k];
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, Groups.Count).Select(g => (double)g).ToArray(), Groups.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        double span = Math.Max(high - low, 1e-9);
        plot.Axes.SetLimits(-0.5, Groups.Count - 0.5, low < 0 ? low - 0.05 * span : 0, high + 0.08 * span);
        // Outside the data area, so it can never hide a bar whatever the values.
        plot.ShowLegend(Edge.Right);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return FigureStyle.Save(plot, pathWithoutExtension, width, height);
    }

    private void Check()
    {
        int s = Series.Count, g = Groups.Count;
        if (s == 0 || g == 0)
            throw new ArgumentException("A bar chart needs at least one series and one group.");
        if (Mean.GetLength(0) != s || Mean.GetLength(1) != g || Std.GetLength(0) != s || Std.GetLength(1) != g)
            throw new ArgumentException(
                $"Mean ({Mean.GetLength(0)}, {Mean.GetLength(1)}) and Std ({Std.GetLength(0)}, {Std.GetLength(1)}) must both be ({s} series, {g} groups).");
    }
}
