using SerAdapt.Evaluation;
using SerAdapt.Files;

namespace SerAdapt.Evaluation.Tests;

public class CsvTextTests
{
    [Theory]
    [InlineData("mrd", "mrd")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    public void Field_QuotesOnlyWhatNeedsIt(string value, string expected) =>
        Assert.Equal(expected, CsvText.Field(value));
}
