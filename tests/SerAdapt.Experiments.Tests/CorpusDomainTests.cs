namespace SerAdapt.Experiments.Tests;

public class CorpusDomainTests
{
    [Theory]
    [InlineData("valence", 3f)]
    [InlineData("arousal", 4f)]
    [InlineData("dominance", 2f)]
    public void Load_GenericCsv_ReadsTheLabelDimensionAsked(string label, float first)
    {
        using var tmp = new TempDir();
        string path = Path.Combine(tmp.Path, "c.csv");
        File.WriteAllText(path, "id,session,valence,arousal,dominance,f0,f1\n" +
            "a,s1,3,4,2,0.1,0.5\nb,s1,2,3,4,0.2,0.1\nc,s2,4,2,3,0.7,0.3\nd,s2,1,5,1,0.4,0.9\n");
        var domain = CorpusDomain.Load(path, label, labelRequired: true);
        Assert.Equal(first, domain.Data.Labels![0]);
        Assert.Equal(2, domain.Data.Dimension); // no label column is a feature
    }
}
