using ScottPlot;
using SkiaSharp;
using SerAdapt.Files;

namespace SerAdapt.Evaluation;

/// <summary>
/// Shared look of the figures: the Okabe-Ito colour-blind-safe palette, font sizes readable at
/// 1200 px, and the PNG + SVG writers (atomic).
/// </summary>
internal static class FigureStyle
{
    // Okabe & Ito (2008), without yellow (too pale on white).
    public static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"),
        Color.FromHex("#CC79A7"), Color.FromHex("#D55E00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"),
    ];

    /// <summary>
    /// An installed sans-serif family: ScottPlot's Fonts.Sans falls back to the system default,
    /// which is a serif face on Debian with only DejaVu installed.
    /// </summary>
    public static readonly string SansFont =
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "Open Sans" }
            .FirstOrDefault(f => SKFontManager.Default.MatchFamily(f) is { } t && t.FamilyName == f) ?? Fonts.Sans;

    public const float TitleSize = 26, LabelSize = 22, TickSize = 18, LegendSize = 18;

    public static void Apply(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = LegendSize;
    }

    public static FigureFiles Save(Plot plot, string pathWithoutExtension, int width, int height)
    {
        var files = new FigureFiles(pathWithoutExtension + ".png", pathWithoutExtension + ".svg");
        plot.Font.Set(SansFont);
        AtomicFile.Write(files.Png, temp => plot.SavePng(temp, width, height));
        AtomicFile.Write(files.Svg, temp => plot.SaveSvg(temp, width, height));
        return files;
    }

    public static FigureFiles Save(Multiplot multiplot, string pathWithoutExtension, int width, int height)
    {
        var files = new FigureFiles(pathWithoutExtension + ".png", pathWithoutExtension + ".svg");
        foreach (var plot in multiplot.GetPlots())
            plot.Font.Set(SansFont);
        AtomicFile.Write(files.Png, temp => multiplot.SavePng(temp, width, height));
        AtomicFile.Write(files.Svg, temp =>
        {
            using var stream = File.Create(temp);
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            {
                canvas.Clear(SKColors.White);
                multiplot.Render(canvas, new PixelRect(0, width, height, 0));
            }
        });
        return files;
    }
}
