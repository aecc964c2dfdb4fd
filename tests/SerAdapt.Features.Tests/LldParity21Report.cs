using System.Globalization;
using Xunit.Abstractions;

namespace SerAdapt.Features.Tests;

/// <summary>
/// Parity report over all reference samples in $SERADAPT_SHARED/opensmile-is10/samples (the lead's
/// figures for docs/features.md); does nothing unless SERADAPT_SHARED is set.
/// Run: SERADAPT_SHARED=/work/shared dotnet test tests/SerAdapt.Features.Tests -c Release
///      --filter Category=Parity21 --logger "console;verbosity=detailed"
/// </summary>
public sealed class LldParity21Report(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Parity21")]
    public void AllReferenceSamples_PrintPerColumnParity()
    {
        var shared = Environment.GetEnvironmentVariable("SERADAPT_SHARED");
        if (string.IsNullOrEmpty(shared)) return;
        var root = Path.Combine(shared, "opensmile-is10", "samples");
        var ci = CultureInfo.InvariantCulture;
        string header = "file".PadRight(28) + string.Join(" ", LldParity.Groups.Select(g => g.PadLeft(8))) + "  voicedOK  xRT";
        output.WriteLine("IS10 LLD parity: % of frames within 1e-4 relative (abs floor 1e-4), worst column of each group; LLD | deltas");
        output.WriteLine(header);
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var samples = LldReferenceFiles.ReadPcm16(Path.Combine(dir, name + ".wav"));
            var reference = LldReferenceFiles.ReadHtk(Path.Combine(dir, name + ".IS10_lld.htk"));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var lld = Is10LldExtractor.Compute(samples, Is10Variant.Is10);
            double seconds = sw.Elapsed.TotalSeconds;
            var p = new LldParity(lld.Frames, reference, 1e-4, 1e-4);
            if (!p.RowsMatch)
            {
                output.WriteLine($"{name}: {lld.FrameCount} rows, openSMILE {p.Rows}");
                continue;
            }
            string Row(int offset) => string.Join(" ", LldParity.Groups.Select(g => (100 * p.Group(g, offset)).ToString("0.0", ci).PadLeft(8)));
            output.WriteLine(name.PadRight(28) + Row(0) + $"  {100 * p.VoicingAgreement,7:0.0}  {samples.Length / 16000.0 / seconds,5:0}");
            output.WriteLine("  deltas".PadRight(28) + Row(38));

            var compatCsv = Path.Combine(dir, name + ".IS10compat_lld.csv");
            if (File.Exists(compatCsv))
            {
                var compat = Is10LldExtractor.Compute(samples, Is10Variant.Is10Compat);
                // The csv has 7 significant digits, so compare at 1e-5 relative there.
                var pc = new LldParity(compat.Frames, LldReferenceFiles.ReadLldCsv(compatCsv), 1e-4, 1e-4);
                if (pc.RowsMatch)
                    output.WriteLine("  compat".PadRight(28) + string.Join(" ", LldParity.Groups.Select(g => (100 * pc.Group(g)).ToString("0.0", ci).PadLeft(8))) + $"  {100 * pc.VoicingAgreement,7:0.0}");
            }
        }
    }
}
