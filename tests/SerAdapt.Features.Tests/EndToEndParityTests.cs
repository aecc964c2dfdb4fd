using Xunit.Abstractions;
using static SerAdapt.Features.Tests.FunctionalsReferenceData;

namespace SerAdapt.Features.Tests;

// Audio -> 1582 functionals against openSMILE's ARFF: issue 18's target, >= 99.9 % of the values
// within 1e-3 relative (1e-4 absolute floor) on every file and variant, jitter and shimmer included.
public class EndToEndParityTests(ITestOutputHelper output)
{
    /// <summary>Every fixture folder that holds the audio (&lt;name&gt;.wav) and openSMILE's ARFFs.</summary>
    public static TheoryData<string, Is10Variant> Files()
    {
        var data = new TheoryData<string, Is10Variant>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "Fixtures")).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            if (!File.Exists(PathOf(name, ".wav"))) continue;
            if (File.Exists(PathOf(name, ".IS10.arff"))) data.Add(name, Is10Variant.Is10);
            if (File.Exists(PathOf(name, ".IS10compat.arff"))) data.Add(name, Is10Variant.Is10Compat);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ExtractFile_ReferenceAudio_MatchesOpenSmileFunctionals(string name, Is10Variant variant)
    {
        var expected = ReadArffValues(PathOf(name, variant == Is10Variant.Is10 ? ".IS10.arff" : ".IS10compat.arff"));

        var actual = Is10Extractor.ExtractFile(PathOf(name, ".wav"), variant).Functionals;

        var names = Is10FeatureNames.Functionals(variant);
        var bad = Enumerable.Range(0, actual.Length).Where(i => !WithinTolerance(actual[i], expected[i])).ToList();
        foreach (int i in bad.Take(20)) output.WriteLine($"{names[i]}: openSMILE {expected[i]:R}, ours {actual[i]:R}");
        output.WriteLine($"{name} {variant}: {actual.Length - bad.Count}/{actual.Length} within 1e-3 rel (1e-4 abs floor)");
        Assert.True(actual.Length - bad.Count >= 0.999 * actual.Length, $"{bad.Count} of {actual.Length} functionals off");
    }

    [Fact]
    public void Batch_ReferenceAudio_WritesArffWithOpenSmileLayout()
    {
        var names = Files().Select(row => (string)row[0]).Distinct().ToList();
        Assert.NotEmpty(names);
        string dir = Directory.CreateTempSubdirectory("e2e").FullName;
        try
        {
            var files = names.Select(n => PathOf(n, ".wav")).ToList();
            var result = Is10BatchExtractor.Run(files, new Is10BatchOptions(LldDirectory: dir));
            Assert.Empty(result.Failures);
            string arff = Path.Combine(dir, "all.arff");
            OpenSmileArffWriter.Write(arff, Is10FeatureNames.Functionals(Is10Variant.Is10), result.Rows);

            // Same header as openSMILE's, one data line per file.
            var reference = File.ReadAllLines(PathOf(names[0], ".IS10.arff"));
            var written = File.ReadAllLines(arff);
            int headerLines = Array.IndexOf(reference, "@data") + 2;
            Assert.Equal(reference[..headerLines], written[..headerLines]);
            Assert.Equal(names.Count, written.Length - headerLines);
            Assert.All(names, n => Assert.True(File.Exists(Path.Combine(dir, n + ".IS10_lld.csv"))));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
