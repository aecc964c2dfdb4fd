using System.Globalization;
using SerAdapt.Features.Egemaps;
using Xunit.Abstractions;

namespace SerAdapt.Features.Tests.Egemaps;

/// <summary>
/// eGeMAPS parity over all reference samples in $SERADAPT_SHARED/opensmile-egemaps/samples: per file
/// the functionals within the issue's tolerance (1e-3 relative, 1e-4 absolute) and the voicing
/// agreement, then per LLD descriptor the % of rows within 1e-4 relative (the figures of
/// docs/features.md); does nothing unless SERADAPT_SHARED is set.
/// Run: SERADAPT_SHARED=/work/shared dotnet test tests/SerAdapt.Features.Tests -c Release
///      --filter Category=Parity21 --logger "console;verbosity=detailed"
/// </summary>
public sealed class EgemapsParity21Report(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Parity21")]
    public void AllReferenceSamples_PrintFunctionalsAndLldParity()
    {
        var shared = Environment.GetEnvironmentVariable("SERADAPT_SHARED");
        if (string.IsNullOrEmpty(shared)) return;
        var root = Path.Combine(shared, "opensmile-egemaps", "samples");
        var ok = new long[EgemapsLld.Columns];
        long rows = 0;
        output.WriteLine("file                          K  functionals  voicing  misses");
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var levels = EgemapsLevelExtractor.Compute(LldReferenceFiles.ReadPcm16(Path.Combine(dir, name + ".wav")));
            var lld = EgemapsLld.Build(levels);
            var reference = LldReferenceFiles.ReadHtk(Path.Combine(dir, name + ".eGeMAPSv02_lld.htk"));
            Assert.Equal(reference.GetLength(0), lld.GetLength(0));
            int voicing = 0;
            for (int t = 0; t < reference.GetLength(0); t++)
            {
                if (reference[t, 10] > 0 == lld[t, 10] > 0) voicing++;
                for (int c = 0; c < EgemapsLld.Columns; c++)
                    if (EgemapsReference.WithinRelative(reference[t, c], lld[t, c], 1e-4)) ok[c]++;
            }
            rows += reference.GetLength(0);

            var expected = File.ReadLines(Path.Combine(dir, name + ".eGeMAPSv02.csv")).Skip(1).First().Split(';').Skip(2)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var actual = EgemapsFunctionals.Compute(levels);
            var misses = Enumerable.Range(0, EgemapsFunctionals.Count)
                .Where(i => Math.Abs(actual[i] - expected[i]) > Math.Max(1e-3 * Math.Abs(expected[i]), 1e-4)).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} {levels.Pending,2}  {EgemapsFunctionals.Count - misses.Count,5}/88  {100.0 * voicing / reference.GetLength(0),7:0.0}  {string.Join(",", misses.Select(i => i + 1))}"));
        }
        for (int c = 0; c < EgemapsLld.Columns; c++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{EgemapsFeatureNames.Lld[c],-32} {100.0 * ok[c] / rows,8:0.000} %"));
    }
}
