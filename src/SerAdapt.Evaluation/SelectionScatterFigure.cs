using ScottPlot;

namespace SerAdapt.Evaluation;

/// <summary>
/// A model-selection criterion against the target CCC: one panel per criterion (x: its score, y: the target
/// CCC of the same model), one colour per series (e.g. direction), and a star at each series' chosen models
/// when given. The picture of how well a label-free criterion ranks models.
/// </summary>
public sealed record SelectionScatterFigure(string Title, IReadOnlyList<SelectionScatterPanel> Panels)
{
    public FigureFiles Save(string pathWithoutExtension, int panelWidth = 700, int panelHeight = 600)
    {
        if (Panels.Count == 0) throw new ArgumentException("A selection figure needs at least one panel.");
        var multiplot = new Multiplot();
        multiplot.AddPlots(Panels.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(1, Panels.Count);
        for (int p = 0; p < Panels.Count; p++)
        {
            var panel = Panels[p];
            var plot = multiplot.GetPlot(p);
            FigureStyle.Apply(plot, p == 0 ? $"{Title}: {panel.Title}" : panel.Title, panel.XLabel, "target CCC");
            for (int s = 0; s < panel.Series.Count; s++)
            {
                var series = panel.Series[s];
                if (series.X.Length != series.Y.Length)
                    throw new ArgumentException($"Series '{series.Name}' of panel '{panel.Title}' has {series.X.Length} x and {series.Y.Length} y values.");
                var color = FigureStyle.Palette[s % FigureStyle.Palette.Length];
                var dots = plot.Add.ScatterPoints(series.X, series.Y, color.WithAlpha(0.55));
                dots.MarkerSize = 6;
                dots.LegendText = series.Name;
                if (s < panel.Chosen.Count && panel.Chosen[s].X.Length > 0)
                {
                    var chosen = plot.Add.ScatterPoints(panel.Chosen[s].X, panel.Chosen[s].Y, color);
                    chosen.MarkerShape = MarkerShape.FilledDiamond;
                    chosen.MarkerSize = 14;
                    chosen.LegendText = $"{series.Name}: chosen";
                }
            }
            plot.ShowLegend(Edge.Bottom);
        }
        return FigureStyle.Save(multiplot, pathWithoutExtension, panelWidth * Panels.Count, panelHeight);
    }
}
