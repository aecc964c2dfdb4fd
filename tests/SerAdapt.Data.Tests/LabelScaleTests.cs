namespace SerAdapt.Data.Tests;

public class LabelScaleTests
{
    [Fact]
    public void MapTo_SendsEndsToEndsAndMidpointToMidpoint_KeepsNaN()
    {
        var mapped = LabelScale.OneToSeven.MapTo(LabelScale.OneToFive, [1f, 4f, 7f, float.NaN, 2.5f]);
        Assert.Equal([1f, 3f, 5f], mapped[..3], (a, b) => Math.Abs(a - b) < 1e-5f);
        Assert.True(float.IsNaN(mapped[3]));
        Assert.Equal(2f, mapped[4], 5);
    }

    [Fact]
    public void AffineTo_ThenBack_IsIdentity()
    {
        var a = new LabelScale(-1, 1);
        var (slope, offset) = a.AffineTo(LabelScale.OneToSeven);
        var (back, backOffset) = LabelScale.OneToSeven.AffineTo(a);
        Assert.Equal((3f, 4f), (slope, offset));
        Assert.Equal(0.3f, back * (slope * 0.3f + offset) + backOffset, 5);
    }

    [Fact]
    public void DescribeMapTo_GivesScalesAndFormula() =>
        Assert.Equal("1-7 to 1-5: y' = 0.6667 * y + 0.3333", LabelScale.OneToSeven.DescribeMapTo(LabelScale.OneToFive));

    [Theory]
    [InlineData("1,7", 1f, 7f)]
    [InlineData("-1,1", -1f, 1f)]
    [InlineData("0.5,4.5", 0.5f, 4.5f)]
    public void Parse_ReadsWhatToTextWrites(string text, float min, float max)
    {
        var scale = LabelScale.Parse(text);
        Assert.Equal(new LabelScale(min, max), scale);
        Assert.Equal(scale, LabelScale.Parse(scale.ToText()));
    }

    [Theory]
    [InlineData("5,1")]
    [InlineData("1")]
    [InlineData("a,b")]
    [InlineData("1,inf")]
    public void Parse_NotMinBelowMax_Fails(string text) => Assert.Throws<FormatException>(() => LabelScale.Parse(text));

    [Fact]
    public void LabelScales_For_ReadsAnyOtherNameAsValence()
    {
        var scales = new LabelScales(LabelScale.OneToSeven, LabelScale.OneToFive, new LabelScale(0, 1));
        Assert.Equal(LabelScale.OneToSeven, scales.For("my_valence_column"));
        Assert.Equal(LabelScale.OneToFive, scales.For("arousal"));
        Assert.Equal(new LabelScale(0, 1), scales.For("dominance"));
    }

    [Theory]
    [InlineData(1f, 5f)]
    [InlineData(-1f, 1f)]
    [InlineData(-2.5f, -0.5f)]
    [InlineData(1e-7f, 3f)]
    public void TryParseRange_ReadsWhatToStringWrites(float min, float max)
    {
        var scale = new LabelScale(min, max);
        Assert.True(LabelScale.TryParseRange(scale.ToString(), out var parsed));
        Assert.Equal(scale, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5-1")]
    [InlineData("a-b")]
    [InlineData("1,5")]
    public void TryParseRange_Other_IsFalse(string text) => Assert.False(LabelScale.TryParseRange(text, out _));
}
