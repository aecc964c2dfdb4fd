using static SerAdapt.Features.Tests.FunctionalsReferenceData;

namespace SerAdapt.Features.Tests;

public class ArffCsvWriterTests
{
    public static TheoryData<string, Is10Variant, string> ArffFiles => new()
    {
        { "psx_cards_001", Is10Variant.Is10, ".IS10.arff" },
        { "syn_silence_2s", Is10Variant.Is10, ".IS10.arff" },
        { "alsa_Front_Center", Is10Variant.Is10Compat, ".IS10compat.arff" },
        { "edge_short_0p3s", Is10Variant.Is10Compat, ".IS10compat.arff" },
    };

    public static TheoryData<string> CsvFiles => new() { "psx_cards_001", "syn_silence_2s", "syn_sine_220Hz_2s", "alsa_Front_Center" };

    [Theory]
    [MemberData(nameof(ArffFiles))]
    public void WriteArff_OpenSmileValues_ReproducesOpenSmileFileExactly(string name, Is10Variant variant, string suffix)
    {
        string path = PathOf(name, suffix);
        var row = new FeatureRow(name, ReadArffValues(path));
        var text = new StringWriter();

        OpenSmileArffWriter.Write(text, Is10FeatureNames.Functionals(variant), [row]);

        Assert.Equal(File.ReadAllText(path), text.ToString());
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void WriteCsv_OpenSmileValues_ReproducesOpenSmileFileExactly(string name)
    {
        string path = PathOf(name, ".IS10.csv");
        var values = File.ReadLines(path).ElementAt(1).Split(';')[2..].Select(ParseFloat).ToArray();
        var text = new StringWriter();

        OpenSmileCsvWriter.Write(text, Is10FeatureNames.Functionals(Is10Variant.Is10), [new FeatureRow(name, values)]);

        Assert.Equal(File.ReadAllText(path), text.ToString());
    }

    [Fact]
    public void WriteLldCsv_ExactHtkFrames_ReproducesOpenSmileLldCsvExactly()
    {
        var lld = LoadIs10Lld("edge_short_0p3s");
        var text = new StringWriter();

        OpenSmileLldCsvWriter.Write(text, "edge_short_0p3s", lld);

        Assert.Equal(File.ReadAllText(PathOf("edge_short_0p3s", ".IS10_lld.csv")), text.ToString());
    }

    [Fact]
    public void WriteArff_SeveralRows_RoundTripsToSevenDigits()
    {
        var names = Is10FeatureNames.Functionals(Is10Variant.Is10);
        var a = new FeatureRow("a", [.. Enumerable.Range(0, names.Count).Select(i => MathF.Sin(i) * MathF.Pow(10, i % 13 - 6))]);
        var b = new FeatureRow("b", [.. Enumerable.Range(0, names.Count).Select(i => (float)i)], "3.5");
        var text = new StringWriter();

        OpenSmileArffWriter.Write(text, names, [a, b]);

        var lines = text.ToString().Split('\n');
        Assert.Equal(names.Count + 2, lines.Count(l => l.StartsWith("@attribute ", StringComparison.Ordinal)));
        var data = lines.SkipWhile(l => l != "@data").Skip(2).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, data.Count);
        foreach (var (row, line) in new[] { (a, data[0]), (b, data[1]) })
        {
            var fields = line.Split(',');
            Assert.Equal(row.Name, fields[0]);
            Assert.Equal(row.Class ?? "?", fields[^1]);
            var parsed = fields[1..^1].Select(ParseFloat).ToArray();
            for (int i = 0; i < parsed.Length; i++)
                Assert.True(Math.Abs(parsed[i] - row.Values[i]) <= 5e-7 * Math.Abs(row.Values[i]), $"{i}: {row.Values[i]} -> {parsed[i]}");
        }
    }

    [Fact]
    public void WriteArff_NameWithComma_IsQuoted()
    {
        var text = new StringWriter();

        OpenSmileArffWriter.WriteRow(text, 1, new FeatureRow("a,b 'c'", [1f]));

        Assert.Equal("'a,b \\'c\\'',1.000000e+00,?\n", text.ToString());
    }

    [Fact]
    public void Write_RowWithWrongValueCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            OpenSmileCsvWriter.Write(new StringWriter(), ["x", "y"], [new FeatureRow("r", [1f])]));

        Assert.Contains("'r' has 1 values", ex.Message);
    }

    [Fact]
    public void NumberFormat_MatchesPrintf()
    {
        Assert.Equal("-1.785511e-04", OpenSmileNumberFormat.Exponent(-1.785511e-04f));
        Assert.Equal("6.000000e+01", OpenSmileNumberFormat.Exponent(60f));
        Assert.Equal("1.000000e+30", OpenSmileNumberFormat.Exponent(1e30f));
        Assert.Equal("nan", OpenSmileNumberFormat.Exponent(float.NaN));
        Assert.Equal("-inf", OpenSmileNumberFormat.Exponent(float.NegativeInfinity));
        Assert.Equal("-0.000000e+00", OpenSmileNumberFormat.Exponent(-0f));
        Assert.Equal("0.000000e+00", OpenSmileNumberFormat.Exponent(0f));
        Assert.Equal("1.401298e-45", OpenSmileNumberFormat.Exponent(float.Epsilon));
        Assert.Equal("3.402823e+38", OpenSmileNumberFormat.Exponent(float.MaxValue));
        Assert.Equal("9.999999e-01", OpenSmileNumberFormat.Exponent(0.9999999f));
        Assert.Equal("60", OpenSmileNumberFormat.Csv(60f));
        Assert.Equal("-3", OpenSmileNumberFormat.Csv(-3f));
        Assert.Equal("2.500000e-01", OpenSmileNumberFormat.Csv(0.25f));
        Assert.Equal("5.000000e+09", OpenSmileNumberFormat.Csv(5e9f));
    }

    [Fact]
    public void WriteFile_ReplacesWholeFileAndLeavesNoTemporaryFiles()
    {
        string dir = Directory.CreateTempSubdirectory("arffwriter").FullName;
        try
        {
            string path = Path.Combine(dir, "out.arff");
            File.WriteAllText(path, "old content that is longer than the new file will be, certainly");

            OpenSmileArffWriter.Write(path, ["f"], [new FeatureRow("x", [2f])]);

            Assert.Equal("@relation openSMILE_features\n\n@attribute name string\n@attribute f numeric\n@attribute class numeric\n\n@data\n\nx,2.000000e+00,?\n",
                File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
