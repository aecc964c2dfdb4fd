using SerAdapt.Data;

namespace SerAdapt.Data.Tests;

/// <summary>An input cut short says so, instead of reporting what the cut left behind.</summary>
public class CutShortInputTests
{
    [Fact]
    public void ReadArff_CutInsideHeader_SaysTheFileEndsInItsHeader()
    {
        var text = "@relation is10\n@attribute name string\n@attribute pcm_loudness_sma_max nu";
        var ex = Assert.Throws<DataFormatException>(() => OpenSmileArff.Read(new StringReader(text), "cut.arff"));
        Assert.Contains("cut.arff:3", ex.Message);
        Assert.Contains("ends inside its header", ex.Message);
        Assert.DoesNotContain("unsupported type", ex.Message);
    }
}
