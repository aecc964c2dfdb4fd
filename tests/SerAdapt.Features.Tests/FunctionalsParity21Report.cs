using System.Globalization;
using Xunit.Abstractions;
using static SerAdapt.Features.Tests.FunctionalsReferenceData;

namespace SerAdapt.Features.Tests;

/// <summary>
/// Functional-level parity over all reference samples in $SERADAPT_SHARED/opensmile-is10/samples:
/// % of the 1580 non-onset functionals within 1e-3 relative (1e-4 absolute floor) of openSMILE's
/// ARFF, per file, for is10 and is10-compat; does nothing unless SERADAPT_SHARED is set.
/// Run: SERADAPT_SHARED=/work/shared dotnet test tests/SerAdapt.Features.Tests -c Release
///      --filter Category=Parity21 --logger "console;verbosity=detailed"
/// </summary>
public sealed class FunctionalsParity21Report(ITestOutputHelper output)
{
    private const int NonOnset = 1580;

    [Fact]
    [Trait("Category", "Parity21")]
    public void AllReferenceSamples_PrintFunctionalParity()
    {
        var shared = Environment.GetEnvironmentVariable("SERADAPT_SHARED");
        if (string.IsNullOrEmpty(shared)) return;
        var root = Path.Combine(shared, "opensmile-is10", "samples");
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine("file".PadRight(28) + "    is10  compat");
        long okAll = 0, okCompat = 0, files = 0;
        var names = Is10FeatureNames.Functionals(Is10Variant.Is10);
        var family = names.Take(NonOnset).Select(SerAdapt.Data.FeatureComparison.FamilyOf).ToArray();
        var familyOk = new Dictionary<string, (int Ok, int Total)>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var samples = LldReferenceFiles.ReadPcm16(Path.Combine(dir, name + ".wav"));
            var good = InTolerance(samples, Is10Variant.Is10, Path.Combine(dir, name + ".IS10.arff"));
            int ok = good.Count(g => g);
            int okC = InTolerance(samples, Is10Variant.Is10Compat, Path.Combine(dir, name + ".IS10compat.arff")).Count(g => g);
            for (int i = 0; i < NonOnset; i++)
            {
                var (o, t) = familyOk.GetValueOrDefault(family[i]);
                familyOk[family[i]] = (o + (good[i] ? 1 : 0), t + 1);
            }
            okAll += ok;
            okCompat += okC;
            files++;
            output.WriteLine(name.PadRight(28) + (100.0 * ok / NonOnset).ToString("0.0", ci).PadLeft(8)
                + (100.0 * okC / NonOnset).ToString("0.0", ci).PadLeft(8));
        }
        output.WriteLine("TOTAL".PadRight(28) + (100.0 * okAll / (files * NonOnset)).ToString("0.0", ci).PadLeft(8)
            + (100.0 * okCompat / (files * NonOnset)).ToString("0.0", ci).PadLeft(8));
        output.WriteLine("is10 per LLD family, all files:");
        foreach (var (f, (o, t)) in familyOk)
            output.WriteLine("  " + f.PadRight(26) + (100.0 * o / t).ToString("0.0", ci).PadLeft(8));
    }

    private static bool[] InTolerance(float[] samples, Is10Variant variant, string arff)
    {
        var expected = ReadArffValues(arff);
        var actual = Is10Extractor.Extract(samples, variant);
        var good = new bool[NonOnset];
        for (int i = 0; i < NonOnset; i++) good[i] = WithinTolerance(actual[i], expected[i]);
        return good;
    }
}
