using System.CommandLine;
using System.Globalization;
using SerAdapt.Data;

namespace SerAdapt.Cli.Commands;

/// <summary>
/// <c>seradapt compare --reference R... --candidate C...</c>: how far two sets of feature files agree,
/// value by value (e.g. <c>seradapt extract</c>'s ARFF against openSMILE's for the same audio): % within
/// tolerance overall, per instance and per feature family, and the largest differences.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var reference = new Option<string[]>("--reference", "-r") { Description = "Reference feature files or folders (openSMILE ARFF/CSV, generic CSV); several are joined.", Required = true, AllowMultipleArgumentsPerToken = true };
        var candidate = new Option<string[]>("--candidate", "-c") { Description = "Feature files or folders to check against the reference.", Required = true, AllowMultipleArgumentsPerToken = true };
        var relative = new Option<double>("--rel") { Description = "Relative tolerance.", DefaultValueFactory = _ => FeatureTolerance.Is10Parity.Relative };
        var absolute = new Option<double>("--abs") { Description = "Absolute floor of the tolerance (for values near zero).", DefaultValueFactory = _ => FeatureTolerance.Is10Parity.AbsoluteFloor };
        var worst = new Option<int>("--worst") { Description = "How many of the largest differences to list.", DefaultValueFactory = _ => 10 };
        var report = new Option<string?>("--report") { Description = "Write one CSV row per feature (within, worst instance, values) to this file." };
        var minPercent = new Option<double?>("--min-percent") { Description = "Exit with code 1 unless at least this % of the values are within tolerance." };
        var command = new Command("compare", "Check feature files against reference ones value by value (e.g. SerAdapt's IS10 extraction against openSMILE's).")
            { reference, candidate, relative, absolute, worst, report, minPercent };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            double rel = parse.GetValue(relative), abs = parse.GetValue(absolute);
            if (!(rel >= 0) || !(abs >= 0)) throw new ArgumentException($"--rel and --abs must be >= 0 (got {rel}, {abs}).");
            int worstCount = parse.GetValue(worst);
            if (worstCount < 0) throw new ArgumentException($"--worst must be >= 0 (got {worstCount}).");
            var (refTable, refLabel) = Read(parse.GetRequiredValue(reference));
            var (candTable, candLabel) = Read(parse.GetRequiredValue(candidate));
            var cmp = FeatureComparison.Compare(refTable, candTable, new FeatureTolerance(rel, abs));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reference: {refTable.Count} instances x {refTable.Dimension} features ({refLabel})"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Candidate: {candTable.Count} instances x {candTable.Dimension} features ({candLabel})"));
            foreach (var w in refTable.Warnings.Concat(candTable.Warnings).Concat(cmp.Warnings)) o.WriteLine($"warning: {w}");
            Print(o, cmp, worstCount);
            if (parse.GetValue(report) is { } path)
            {
                FeatureComparisonCsv.Write(cmp, path);
                o.WriteLine($"Per-feature report: {path}");
            }
            if (parse.GetValue(minPercent) is double min && cmp.PercentWithin < min)
            {
                parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cmp.PercentWithin:F2} % of the values are within tolerance, below --min-percent {min}."));
                return 1;
            }
            return 0;
        });
        return command;
    }

    // The paths' feature files joined into one table, and a label for it (the path, or the number of paths).
    private static (FeatureTable Table, string Label) Read(string[] paths) =>
        (FeatureTable.Concatenate(paths.Select(p => CorpusLoader.ReadFeatures(p)).ToList()),
         paths.Length == 1 ? paths[0] : $"{paths.Length} paths");

    private static void Print(TextWriter o, FeatureComparison cmp, int worstCount)
    {
        var c = CultureInfo.InvariantCulture;
        int n = cmp.Instances.Length, d = cmp.Features.Length;
        Missing(o, "instances only in the reference", cmp.InstancesOnlyInReference);
        Missing(o, "instances only in the candidate", cmp.InstancesOnlyInCandidate);
        Missing(o, "features only in the reference", cmp.FeaturesOnlyInReference);
        Missing(o, "features only in the candidate", cmp.FeaturesOnlyInCandidate);
        o.WriteLine(string.Create(c, $"Compared {n} instances x {d} features = {cmp.ValueCount} values; tolerance {cmp.Tolerance}."));

        if (n > 1)
        {
            o.WriteLine();
            var byInstance = Enumerable.Range(0, n).Select(i => (Id: cmp.Instances[i], Pct: cmp.PercentWithinInstance(i)))
                .OrderBy(x => x.Pct).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
            int shown = n <= 30 ? n : 20;
            o.WriteLine(shown < n ? $"Per instance, the {shown} lowest of {n}:" : "Per instance (lowest first):");
            int width = Math.Max(8, byInstance.Take(shown).Max(x => x.Id.Length));
            foreach (var (id, pct) in byInstance.Take(shown)) o.WriteLine(string.Create(c, $"  {id.PadRight(width)}  {pct,6:F1} %"));
        }

        var families = cmp.Families();
        if (families.Count > 1 && families.Count < d)
        {
            o.WriteLine();
            o.WriteLine("Per feature family (lowest first):");
            int width = families.Max(f => f.Family.Length);
            foreach (var (family, within, total) in families.OrderBy(f => (double)f.Within / f.Total).ThenBy(f => f.Family, StringComparer.Ordinal))
                o.WriteLine(string.Create(c, $"  {family.PadRight(width)}  {100.0 * within / total,6:F1} %  of {total}"));
        }

        var worst = cmp.Worst(worstCount);
        if (worst.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Largest differences (x tolerance):");
            foreach (var (id, feature, r, v, excess) in worst)
                o.WriteLine(string.Create(c, $"  {id}  {feature}  reference {r:G7}  candidate {v:G7}  {excess:G3}x"));
        }
        o.WriteLine();
        o.WriteLine(string.Create(c, $"Within tolerance: {cmp.PercentWithin:F2} % ({cmp.WithinCount} of {cmp.ValueCount} values)."));
    }

    private static void Missing(TextWriter o, string what, string[] items)
    {
        if (items.Length == 0) return;
        string first = string.Join(", ", items.Take(5).Select(x => $"'{x}'"));
        o.WriteLine($"not compared: {items.Length} {what} ({first}{(items.Length > 5 ? ", ..." : "")})");
    }
}
