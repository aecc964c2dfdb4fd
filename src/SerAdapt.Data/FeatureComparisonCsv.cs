using System.Globalization;
using System.Text;
using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Data;

/// <summary>Writes a <see cref="FeatureComparison"/> as one CSV row per feature (whole file or nothing).</summary>
public static class FeatureComparisonCsv
{
    /// <summary>Columns: feature, family, within (instances), instances, max_excess (1 = at the tolerance), and the worst instance with its two values.</summary>
    public static void Write(FeatureComparison comparison, string path)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("feature,family,within,instances,max_excess,worst_instance,reference,candidate\n");
        var within = comparison.WithinPerFeature();
        int n = comparison.Instances.Length, d = comparison.Features.Length;
        for (int j = 0; j < d; j++)
        {
            int worst = 0;
            for (int i = 1; i < n; i++)
                if (comparison.Excess(i, j) > comparison.Excess(worst, j)) worst = i;
            string name = comparison.Features[j];
            sb.Append(CsvText.Field(name)).Append(',').Append(CsvText.Field(FeatureComparison.FamilyOf(name))).Append(',')
              .Append(within[j].ToString(c)).Append(',').Append(n.ToString(c)).Append(',')
              .Append(comparison.Excess(worst, j).ToString("G6", c)).Append(',')
              .Append(CsvText.Field(comparison.Instances[worst])).Append(',')
              .Append(comparison.ReferenceValues[worst * d + j].ToString("G9", c)).Append(',')
              .Append(comparison.CandidateValues[worst * d + j].ToString("G9", c)).Append('\n');
        }
        var bytes = new UTF8Encoding(false).GetBytes(sb.ToString());
        AtomicFile.WriteStream(path, s => s.Write(bytes));
    }
}
