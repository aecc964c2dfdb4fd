using SerAdapt.Engine;

namespace SerAdapt.Evaluation.Tests;

public class DistortionAnalysisTests
{
    // Source on the x axis at 0, 1, 2; target points at (0, 1) and (0, 3) in group low, (2, 4) in group high.
    private static readonly Matrix Source = Matrix.FromArray(new float[,] { { 0, 0 }, { 1, 0 }, { 2, 0 } });
    private static readonly Matrix Target = Matrix.FromArray(new float[,] { { 0, 1 }, { 0, 3 }, { 2, 4 } });

    [Fact]
    public void Compute_HandMadeCase()
    {
        // k = 1: nearest source distances 1, 3 (low) and 4 (high) -> means 2 and 4.
        // f1 = 2, 3, 5; f2 = 4, 3, 1 -> |f1 - f2| = 2, 0 (low: mean 1) and 4 (high).
        // prediction (f1 + f2) / 2 = 3, 3, 3; truth 1, 2, 4 -> |error| 2, 1 (low: 1.5) and 1 (high).
        var groups = DistortionAnalysis.Compute(Source, Target, [0, 0, 1], TsneFigure.ValenceGroups, [2f, 3f, 5f], [4f, 3f, 1f], [1f, 2f, 4f], k: 1);
        Assert.Equal(new DistortionGroup("low valence", 2, 2, 1, 1.5), groups[0]);
        Assert.Equal(new DistortionGroup("high valence", 1, 4, 4, 1), groups[1]);
    }

    [Fact]
    public void Compute_TwoNeighbours_AveragesDistances()
    {
        // k = 2 for (2, 4): sources (2, 0) at 4 and (1, 0) at sqrt(17).
        var groups = DistortionAnalysis.Compute(Source, Target, [0, 0, 1], TsneFigure.ValenceGroups, [1f, 1f, 1f], [], [1f, 1f, 1f], k: 2);
        Assert.Equal((4 + Math.Sqrt(17)) / 2, groups[1].MeanSourceDistance, 6);
        Assert.True(double.IsNaN(groups[0].MeanDiscrepancy));
        Assert.Equal(0, groups[0].MeanAbsoluteError);
    }

    [Fact]
    public void WriteCsv_WritesInvariantNumbersAndEmptyNaN()
    {
        using var dir = new TempFolder();
        string path = Path.Combine(dir.Path, "distortion.csv");
        DistortionAnalysis.WriteCsv(path,
        [
            ("source-only", [new DistortionGroup("low valence", 2, 0.5, double.NaN, 1.25)]),
            ("mrd", [new DistortionGroup("low, quoted", 2, 0.25, 0.125, 1)]),
        ]);
        Assert.Equal(
            "system,group,count,mean_source_distance,mean_abs_f1_f2,mean_abs_error\n" +
            "source-only,low valence,2,0.5,,1.25\n" +
            "mrd,\"low, quoted\",2,0.25,0.125,1\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void ValenceSplit_AtMedianAndThreshold()
    {
        Assert.Equal([0, 1, 0, 1], ValenceSplit.AtMedian([1f, 4f, 2f, 5f]));   // median 3
        Assert.Equal([0, 1, 0], ValenceSplit.AtMedian([1f, 4f, 2f]));          // median 2, ties go low
        Assert.Equal([0, 0, 1], ValenceSplit.AtThreshold([2.5f, 3f, 3.5f], 3));
    }
}
