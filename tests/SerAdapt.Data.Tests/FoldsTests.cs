namespace SerAdapt.Data.Tests;

public class FoldsTests
{
    [Fact]
    public void LeaveOneSessionOut_SyntheticIemocapAndMsp_Give5And6DisjointFolds()
    {
        var pair = SyntheticBenchmark.Generate(new SyntheticBenchmarkOptions(SourceSize: 100, TargetSize: 90, Dimension: 16));
        foreach (var (corpus, sessions) in new[] { (pair.Source, 5), (pair.Target, 6) })
        {
            var folds = Folds.LeaveOneSessionOut(corpus);
            Assert.Equal(sessions, folds.Count);
            Assert.Equal(Enumerable.Range(0, corpus.Count), folds.SelectMany(f => f.Test).Order());
            foreach (var f in folds)
            {
                Assert.Empty(f.Train.Intersect(f.Test));
                Assert.Equal(corpus.Count, f.Train.Length + f.Test.Length);
                Assert.Single(f.Test.Select(i => corpus.Sessions[i]).Distinct());
                Assert.Empty(f.Train.Select(i => corpus.Speakers[i]).Intersect(f.Test.Select(i => corpus.Speakers[i])));
            }
        }
    }

    [Fact]
    public void LeaveOneSpeakerOut_OneFoldPerSpeaker()
    {
        var c = TestCorpora.Small();
        var folds = Folds.LeaveOneSpeakerOut(c);
        Assert.Equal(4, folds.Count);
        Assert.All(folds, f => Assert.Equal(3, f.Test.Length));
    }

    [Fact]
    public void LeaveOneSessionOut_SingleSession_Fails()
    {
        var c = TestCorpora.Small().Subset([0, 1, 2]);
        Assert.Throws<InvalidDataException>(() => Folds.LeaveOneSessionOut(c));
    }
}
