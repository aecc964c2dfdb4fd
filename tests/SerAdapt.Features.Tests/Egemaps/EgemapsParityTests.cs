using SerAdapt.Features.Egemaps;
using Xunit.Abstractions;
using static SerAdapt.Features.Tests.Egemaps.EgemapsReference;

namespace SerAdapt.Features.Tests.Egemaps;

public class EgemapsParityTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(EgemapsReference.Files), MemberType = typeof(EgemapsReference))]
    public void Lld_MatchesOpenSmileHtk_WithinOneInTenThousand(string name, int pending)
    {
        var levels = Levels(name);
        var ours = EgemapsLld.Build(levels);
        var reference = Lld(name);

        Assert.Equal(pending, levels.Pending);
        Assert.Equal(reference.GetLength(0), ours.GetLength(0));
        Assert.Equal(EgemapsLld.Columns, reference.GetLength(1));
        // Every row, the end-of-input rows of the F columns included (E17).
        int rows = reference.GetLength(0);
        for (int c = 0; c < EgemapsLld.Columns; c++)
        {
            if (JitterShimmerLld.Contains(c)) continue;
            int ok = 0;
            for (int t = 0; t < rows; t++) if (WithinRelative(reference[t, c], ours[t, c], 1e-4)) ok++;
            output.WriteLine($"{EgemapsFeatureNames.Lld[c]}: {ok}/{rows}");
            // Near-zero smoothed H1-H2 values (opposite-sign neighbours) can miss by float rounding.
            Assert.True(ok >= rows - 1, $"{EgemapsFeatureNames.Lld[c]}: {ok}/{rows} frames within 1e-4");
        }
    }

    [Theory]
    [MemberData(nameof(EgemapsReference.Files), MemberType = typeof(EgemapsReference))]
    public void Functionals_MatchOpenSmileCsv_WithinIssueTolerance(string name, int pending)
    {
        var expected = Functionals(name);
        var levels = Levels(name);
        var actual = EgemapsFunctionals.Compute(levels);

        Assert.Equal(pending, levels.Pending);
        Assert.Equal(EgemapsFunctionals.Count, expected.Length);
        var bad = Enumerable.Range(0, EgemapsFunctionals.Count)
            .Where(i => !JitterShimmerFunctionals.Contains(i))
            .Where(i => Math.Abs(actual[i] - expected[i]) > Math.Max(1e-3 * Math.Abs(expected[i]), 1e-4))
            .ToList();
        foreach (int i in bad) output.WriteLine($"{EgemapsFeatureNames.Functionals[i]}: openSMILE {expected[i]:R}, ours {actual[i]:R}");
        Assert.Empty(bad);
    }

    [Fact]
    public void FeatureNames_EqualOpenSmileNameFiles()
    {
        string[] Names(string file) => [.. File.ReadLines(Path.Combine(LldReferenceFiles.FixturesDir, file)).Select(l => l.Split('\t')[1])];
        Assert.Equal(Names("eGeMAPSv02_feature_names.txt"), EgemapsFeatureNames.Functionals);
        Assert.Equal(Names("eGeMAPSv02_lld_names.txt"), EgemapsFeatureNames.Lld);
    }
}
