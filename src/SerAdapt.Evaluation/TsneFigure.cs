using ScottPlot;

namespace SerAdapt.Evaluation;

/// <summary>
/// Side-by-side t-SNE scatter panels in a grid of <see cref="Columns"/> columns (the paper's Figure 2:
/// Source-only | MRD per target session), points coloured by group from a colour-blind-safe
/// palette, source and target told apart by marker, axes without ticks (t-SNE coordinates mean nothing).
/// </summary>
public sealed record TsneFigure(IReadOnlyList<TsnePanel> Panels, int Columns, IReadOnlyList<string> GroupNames)
{
    public static readonly IReadOnlyList<string> ValenceGroups = ["low valence", "high valence"];

    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg (each atomically); each panel gets panelWidth x panelHeight pixels.</summary>
    public FigureFiles Save(string pathWithoutExtension, int panelWidth = 750, int panelHeight = 650)
    {
        if (Panels.Count == 0 || Columns < 1)
            throw new ArgumentException($"A t-SNE figure needs panels and at least one column (got {Panels.Count} panels, {Columns} columns).");
        int rows = (Panels.Count + Columns - 1) / Columns;
        var multiplot = new Multiplot();
        multiplot.AddPlots(rows * Columns);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, Columns);
        for (int p = 0; p < Panels.Count; p++)
            Draw(multiplot.GetPlot(p), Panels[p]);
        for (int p = Panels.Count; p < rows * Columns; p++)
            multiplot.GetPlot(p).Axes.Frameless();
        return FigureStyle.Save(multiplot, pathWithoutExtension, panelWidth * Columns, panelHeight * rows);
    }

    private void Draw(Plot plot, TsnePanel panel)
    {
        int n = panel.Points.Rows;
        if (panel.Points.Cols != 2 || panel.Group.Length != n || panel.IsSource.Length != n)
            throw new ArgumentException(
                $"Panel '{panel.Title}': points {panel.Points.ShapeString} need shape (n, 2) with n = {panel.Group.Length} groups and {panel.IsSource.Length} source flags.");
        for (int i = 0; i < n; i++)
            if (panel.Group[i] < 0 || panel.Group[i] >= GroupNames.Count)
                throw new ArgumentException($"Panel '{panel.Title}': point {i} has group {panel.Group[i]} but there are {GroupNames.Count} group names.");
        plot.Title(panel.Title, FigureStyle.TitleSize - 4);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Legend.FontSize = FigureStyle.LegendSize - 2;

        // Source first so the target dots lie on top.
        foreach (bool source in new[] { true, false })
            for (int g = 0; g < GroupNames.Count; g++)
            {
                var xs = new List<double>();
                var ys = new List<double>();
                for (int i = 0; i < n; i++)
                {
                    if (panel.IsSource[i] != source || panel.Group[i] != g) continue;
                    xs.Add(panel.Points[i, 0]);
                    ys.Add(panel.Points[i, 1]);
                }
                if (xs.Count == 0) continue;
                var color = FigureStyle.Palette[GroupColour(g)];
                var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), source ? MarkerShape.OpenCircle : MarkerShape.FilledCircle, source ? 7 : 6, color.WithAlpha(source ? 0.5 : 0.8));
                markers.LegendText = $"{(source ? "source" : "target")}, {GroupNames[g]}";
            }
        plot.ShowLegend(Edge.Bottom);
    }

    // Blue and vermillion for two groups: the pair most distinct for every kind of colour vision.
    private static int GroupColour(int g) => g switch { 0 => 0, 1 => 4, 2 => 2, 3 => 1, _ => g };
}
