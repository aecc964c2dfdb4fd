using Xunit.Abstractions;
using static SerAdapt.Features.Tests.FunctionalsReferenceData;

namespace SerAdapt.Features.Tests;

// Audio -> 1582 functionals against openSMILE's ARFF. The target (>= 99 % within 1e-3) is
// asserted on every family we reproduce; the jitter/shimmer family and the F0final deltas (which
// share jitter's never-reset delta normaliser, pitfall P3) are not reproduced yet
// (docs/features-lld.md) and are held only to the level measured on these files.
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
        var reproduced = Enumerable.Range(0, actual.Length).Where(i => !IsJitterFamily(names[i])).ToList();
        int reproducedBad = bad.Count(i => !IsJitterFamily(names[i]));
        output.WriteLine($"  without the jitter family: {reproduced.Count - reproducedBad}/{reproduced.Count}");
        // Outside the jitter family every stage is bit-exact with openSMILE (docs/features-lld.md), so
        // speech must agree on every functional; the pure tones keep a few skewness/kurtosis values of
        // near-constant F0 contours (the 220 Hz sine: 4 of 1449), hence 99 % there.
        if (name.StartsWith("syn_", StringComparison.Ordinal))
            Assert.True(reproduced.Count - reproducedBad >= 0.99 * reproduced.Count,
                $"{reproducedBad} of {reproduced.Count} functionals outside the jitter family off");
        else
            Assert.True(reproducedBad == 0, $"{reproducedBad} of {reproduced.Count} functionals outside the jitter family off");
        // The jitter family itself: held at the level measured on these files (lowest 1476 / 1582).
        Assert.True(actual.Length - bad.Count >= 0.93 * actual.Length, $"{bad.Count} of {actual.Length} functionals off");
    }

    private static bool IsJitterFamily(string name) =>
        name.StartsWith("jitter", StringComparison.Ordinal) || name.StartsWith("shimmer", StringComparison.Ordinal)
        || name.StartsWith("F0final_sma_de", StringComparison.Ordinal);

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
