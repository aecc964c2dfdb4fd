using System.Globalization;
using System.Text;
using SerAdapt.Engine;
using SerAdapt.Files;

namespace SerAdapt.Evaluation;

/// <summary>
/// Per valence group of the target: distance to the source in encoder space, head discrepancy and
/// error (issue 7's distortion.csv), so a reader can check what the t-SNE picture suggests.
/// </summary>
public static class DistortionAnalysis
{
    /// <summary>
    /// <paramref name="encodedSource"/> (n_s, d) and <paramref name="encodedTarget"/> (n_t, d) are encoder
    /// outputs; <paramref name="targetGroup"/> indexes <paramref name="groupNames"/>. The prediction is
    /// (f1 + f2) / 2, or f1 alone when <paramref name="f2"/> is empty (a single-head model, whose
    /// discrepancy is then NaN). Groups without points are left out.
    /// </summary>
    public static IReadOnlyList<DistortionGroup> Compute(
        Matrix encodedSource, Matrix encodedTarget, ReadOnlySpan<int> targetGroup, IReadOnlyList<string> groupNames,
        ReadOnlySpan<float> f1, ReadOnlySpan<float> f2, ReadOnlySpan<float> truth, int k = 10)
    {
        int n = encodedTarget.Rows;
        if (targetGroup.Length != n || f1.Length != n || truth.Length != n || (f2.Length != 0 && f2.Length != n))
            throw new ArgumentException(
                $"Target {encodedTarget.ShapeString} needs {n} groups, f1, truth (and f2 or none); got {targetGroup.Length}, {f1.Length}, {truth.Length}, {f2.Length}.");
        var (_, squared) = NearestNeighbours.Search(encodedTarget, encodedSource, k);

        var count = new int[groupNames.Count];
        var distance = new double[groupNames.Count];
        var discrepancy = new double[groupNames.Count];
        var error = new double[groupNames.Count];
        for (int i = 0; i < n; i++)
        {
            int g = targetGroup[i];
            if (g < 0 || g >= groupNames.Count)
                throw new ArgumentException($"Target point {i} has group {g} but there are {groupNames.Count} group names.");
            double meanDistance = 0;
            for (int m = 0; m < k; m++) meanDistance += Math.Sqrt(squared[i * k + m]);
            count[g]++;
            distance[g] += meanDistance / k;
            double prediction = f2.Length == 0 ? f1[i] : (f1[i] + (double)f2[i]) / 2;
            discrepancy[g] += f2.Length == 0 ? double.NaN : Math.Abs(f1[i] - (double)f2[i]);
            error[g] += Math.Abs(prediction - truth[i]);
        }
        var result = new List<DistortionGroup>();
        for (int g = 0; g < groupNames.Count; g++)
            if (count[g] > 0)
                result.Add(new DistortionGroup(groupNames[g], count[g], distance[g] / count[g], discrepancy[g] / count[g], error[g] / count[g]));
        return result;
    }

    /// <summary>
    /// Writes distortion.csv (atomically): header system,group,count,mean_source_distance,mean_abs_f1_f2,mean_abs_error;
    /// one row per system (e.g. "source-only", "mrd") and group; NaN written as an empty field.
    /// </summary>
    public static void WriteCsv(string path, IEnumerable<(string System, IReadOnlyList<DistortionGroup> Groups)> rows)
    {
        var text = new StringBuilder("system,group,count,mean_source_distance,mean_abs_f1_f2,mean_abs_error\n");
        foreach (var (system, groups) in rows)
            foreach (var g in groups)
                text.Append(CultureInfo.InvariantCulture, $"{CsvText.Field(system)},{CsvText.Field(g.Group)},{g.Count},{Number(g.MeanSourceDistance)},{Number(g.MeanDiscrepancy)},{Number(g.MeanAbsoluteError)}\n");
        AtomicFile.Write(path, temp => File.WriteAllText(temp, text.ToString()));
    }

    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
}
