namespace SerAdapt.Data.Tests;

public class CorpusTests
{
    [Fact]
    public void Constructor_DuplicateIds_Fails()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new Corpus("c", ["a", "a"], ["x"], [1f, 2f], [1, 1], [1, 1], [1, 1],
            ["s", "s"], ["1", "1"], ["F", "F"]));
        Assert.Contains("duplicate utterance id 'a'", ex.Message);
    }

    [Fact]
    public void Constructor_NoUtterances_FailsAsEmptyCorpus()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new Corpus("c", [], ["x"], [], [], [], [], [], [], []));
        Assert.Contains("no utterances", ex.Message);
    }

    [Fact]
    public void Subset_KeepsRowsInOrder()
    {
        var c = TestCorpora.Small();
        var s = c.Subset([5, 1]);
        Assert.Equal(["u05", "u01"], s.Ids);
        Assert.Equal(c.Row(5).ToArray(), s.Row(0).ToArray());
        Assert.Equal(c.Valence[1], s.Valence[1]);
    }
}
