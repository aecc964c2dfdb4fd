using ScottPlot;

namespace SerAdapt.Evaluation;

/// <summary>
/// A training's learning curve: panels stacked over a shared epoch axis (e.g. the losses, the selection
/// criteria, the target CCC), each series a line with markers, and a dashed vertical line at the kept epoch.
/// </summary>
public sealed record LearningCurveFigure(string Title, IReadOnlyList<int> Epochs, IReadOnlyList<CurvePanel> Panels, int KeptEpoch)
{
    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg (each atomically) and returns their paths.</summary>
    public FigureFiles Save(string pathWithoutExtension, int width = 1200, int panelHeight = 420)
    {
        if (Epochs.Count == 0 || Panels.Count == 0)
            throw new ArgumentException($"A learning curve needs epochs and panels (got {Epochs.Count} epochs, {Panels.Count} panels).");
        var multiplot = new Multiplot();
        multiplot.AddPlots(Panels.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(Panels.Count, 1);
        var x = Epochs.Select(e => (double)e).ToArray();
        for (int p = 0; p < Panels.Count; p++)
        {
            var panel = Panels[p];
            var plot = multiplot.GetPlot(p);
            FigureStyle.Apply(plot, p == 0 ? $"{Title}: {panel.Title}" : panel.Title, p == Panels.Count - 1 ? "epoch" : "", panel.ValueLabel);
            for (int s = 0; s < panel.Series.Count; s++)
            {
                var (name, values) = panel.Series[s];
                if (values.Length != x.Length)
                    throw new ArgumentException($"Series '{name}' of panel '{panel.Title}' has {values.Length} values for {x.Length} epochs.");
                var finite = Enumerable.Range(0, x.Length).Where(i => double.IsFinite(values[i])).ToArray();
                if (finite.Length == 0) continue;
                var line = plot.Add.Scatter(finite.Select(i => x[i]).ToArray(), finite.Select(i => values[i]).ToArray(),
                    FigureStyle.Palette[s % FigureStyle.Palette.Length]);
                line.LegendText = name;
                line.LineWidth = 2;
                line.MarkerSize = 6;
            }
            if (KeptEpoch > 0)
            {
                var kept = plot.Add.VerticalLine(KeptEpoch, 1.5f, Colors.Gray);
                kept.LinePattern = LinePattern.Dashed;
                kept.LegendText = $"kept epoch {KeptEpoch}";
            }
            // Whole epochs on one shared range in every panel.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            plot.Axes.SetLimitsX(x.Min() - 0.5, x.Max() + 0.5);
            plot.ShowLegend(Edge.Right);
        }
        return FigureStyle.Save(multiplot, pathWithoutExtension, width, panelHeight * Panels.Count);
    }
}
