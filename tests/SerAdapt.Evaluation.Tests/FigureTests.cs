using System.Xml.Linq;
using SerAdapt.Engine;

namespace SerAdapt.Evaluation.Tests;

public class FigureTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void GroupedBarChart_Save_WritesPngAndSvg()
    {
        using var dir = new TempFolder();
        var chart = new GroupedBarChart("CCC", "CCC", ["A -> B", "B -> A"], ["Source-only", "Train-on-Target", "DANN", "Deep CORAL", "MRD"],
            new double[,] { { 0.17, 0.19 }, { 0.38, 0.39 }, { 0.21, 0.21 }, { 0.23, -0.05 }, { 0.28, 0.24 } },
            new double[,] { { 0.01, 0.02 }, { 0.01, 0.01 }, { 0.02, double.NaN }, { 0.02, 0.03 }, { 0.01, 0.02 } });
        var files = chart.Save(Path.Combine(dir.Path, "sub", "table1"));
        AssertFigure(files, 1400, 850);
        Assert.Equal(["table1.png", "table1.svg"], Directory.GetFiles(Path.Combine(dir.Path, "sub")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void GroupedBarChart_ShapeMismatch_ThrowsNamingShapes()
    {
        var chart = new GroupedBarChart("t", "v", ["g"], ["a", "b"], new double[1, 1], new double[2, 1]);
        var e = Assert.Throws<ArgumentException>(() => chart.Save(Path.Combine(Path.GetTempPath(), "never")));
        Assert.Contains("(1, 1)", e.Message);
    }

    [Fact]
    public void TsneFigure_Save_WritesGridAsPngAndSvg()
    {
        using var dir = new TempFolder();
        var random = new Random(1);
        TsnePanel Panel(string title)
        {
            var points = new Matrix(40, 2);
            for (int i = 0; i < points.Length; i++) points.Span[i] = (float)random.NextDouble();
            return new TsnePanel(title, points, Enumerable.Range(0, 40).Select(i => i % 2).ToArray(), Enumerable.Range(0, 40).Select(i => i < 20).ToArray());
        }
        // Three panels in two columns: the empty fourth cell must not break the layout.
        var figure = new TsneFigure([Panel("Source-only, session 1"), Panel("MRD, session 1"), Panel("Source-only, session 2")], 2, TsneFigure.ValenceGroups);
        var files = figure.Save(Path.Combine(dir.Path, "tsne"), panelWidth: 600, panelHeight: 500);
        AssertFigure(files, 1200, 1000);
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void TsneFigure_GroupOutOfRange_Throws()
    {
        var panel = new TsnePanel("p", new Matrix(2, 2), [0, 2], [false, false]);
        var e = Assert.Throws<ArgumentException>(() => new TsneFigure([panel], 1, TsneFigure.ValenceGroups).Save(Path.Combine(Path.GetTempPath(), "never")));
        Assert.Contains("group 2", e.Message);
    }

    private static void AssertFigure(FigureFiles files, int width, int height)
    {
        var png = File.ReadAllBytes(files.Png);
        Assert.True(png.Length > 1000, $"PNG has only {png.Length} bytes");
        Assert.Equal(PngSignature, png[..8]);
        // IHDR: width and height as big-endian 32-bit integers at bytes 16..23.
        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));

        var svg = XDocument.Load(files.Svg);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal(width.ToString(), svg.Root.Attribute("width")?.Value);
        Assert.True(svg.Descendants().Count() > 20);
    }
}
