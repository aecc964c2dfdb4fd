using System.Buffers.Binary;
using static SerAdapt.Features.Tests.WavTestFile;

namespace SerAdapt.Features.Tests;

public class WavReaderTests
{
    [Fact]
    public void Read_Pcm16_ScalesBy32767LikeOpenSmile()
    {
        var audio = Read(Build(1, 1, 16000, 16, Int16Samples(32767, -32768, 1, 0, -16384)));

        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal("PCM 16-bit", audio.Encoding);
        Assert.Equal([1f, -32768f / 32767f, 1f / 32767f, 0f, -16384f / 32767f], audio.Samples);
    }

    [Fact]
    public void Read_Pcm8_IsUnsignedAndScaledBy127()
    {
        var audio = Read(Build(1, 1, 8000, 8, [255, 128, 0, 191]));

        Assert.Equal([1f, 0f, -128f / 127f, 63f / 127f], audio.Samples);
    }

    [Fact]
    public void Read_Pcm24_ScalesBy8388607()
    {
        byte[] data = [0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF];

        var audio = Read(Build(1, 1, 44100, 24, data));

        Assert.Equal([1f, -8388608f / 8388607f, 1f / 8388607f, -1f / 8388607f], audio.Samples);
    }

    [Fact]
    public void Read_Pcm32_ScalesBy2147483647()
    {
        var data = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(data, int.MaxValue);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), 1 << 30);

        var audio = Read(Build(1, 1, 48000, 32, data));

        Assert.Equal([1f, (float)(int.MinValue / 2147483647.0), (float)((1 << 30) / 2147483647.0)], audio.Samples);
    }

    [Fact]
    public void Read_Float32AndFloat64_KeepValues()
    {
        var f32 = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(f32, 0.25f);
        BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4), -1.5f);
        var f64 = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, 0.125);
        BinaryPrimitives.WriteDoubleLittleEndian(f64.AsSpan(8), -0.75);

        Assert.Equal([0.25f, -1.5f], Read(Build(3, 1, 16000, 32, f32)).Samples);
        var audio64 = Read(Build(3, 1, 16000, 64, f64));
        Assert.Equal([0.125f, -0.75f], audio64.Samples);
        Assert.Equal("IEEE float 64-bit", audio64.Encoding);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(3, 32)]
    public void Read_Extensible_UsesSubFormat(int subFormat, int bits)
    {
        var data = bits == 16 ? Int16Samples(16384) : BitConverter.GetBytes(0.5f);

        var audio = Read(Build(subFormat, 1, 16000, bits, data, extensible: true));

        Assert.Equal(bits == 16 ? 16384f / 32767f : 0.5f, audio.Samples[0]);
    }

    [Fact]
    public void Read_Rifx_IsBigEndian()
    {
        byte[] data16 = [0x40, 0x00, 0xC0, 0x00];
        byte[] data24 = [0x7F, 0xFF, 0xFF, 0x80, 0x00, 0x00];

        Assert.Equal([16384f / 32767f, -16384f / 32767f], Read(Build(1, 1, 16000, 16, data16, bigEndian: true)).Samples);
        Assert.Equal([1f, -8388608f / 8388607f], Read(Build(1, 1, 16000, 24, data24, bigEndian: true)).Samples);
    }

    [Fact]
    public void Read_Stereo_AveragesChannels()
    {
        var audio = Read(Build(1, 2, 16000, 16, Int16Samples(1000, 3000, -200, 200)));

        Assert.Equal(2, audio.Channels);
        Assert.Equal([2000f / 32767f, 0f], audio.Samples);
    }

    [Fact]
    public void Read_UnknownAndOddSizedChunks_AreSkipped()
    {
        var file = Build(1, 1, 16000, 16, Int16Samples(7), extraChunks: [Chunk("LIST", [1, 2, 3]), Chunk("fact", [0, 0, 0, 0])]);

        Assert.Equal([7f / 32767f], Read(file).Samples);
    }

    [Fact]
    public void Read_NotRiff_FailsNamingFile()
    {
        var ex = Assert.Throws<WavFormatException>(() => Read("hello, this is text"u8.ToArray(), "notes.wav"));

        Assert.Equal("notes.wav", ex.FilePath);
        Assert.Contains("notes.wav", ex.Message);
        Assert.Contains("not a RIFF", ex.Message);
    }

    [Fact]
    public void Read_TruncatedData_FailsNamingFile()
    {
        var file = Build(1, 1, 16000, 16, Int16Samples(1, 2, 3, 4), declaredDataSize: 400);

        var ex = Assert.Throws<WavFormatException>(() => Read(file, "cut.wav"));

        Assert.Contains("cut.wav", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Read_TruncatedDataOnUnseekableStream_FailsNamingFile()
    {
        var file = Build(1, 1, 16000, 16, Int16Samples(1, 2, 3, 4), declaredDataSize: 400);

        var ex = Assert.Throws<WavFormatException>(() => WavReader.Read(new BufferedStream(new ForwardOnlyStream(file)), "pipe.wav"));

        Assert.Contains("pipe.wav", ex.Message);
        Assert.Contains("ends after 8 of them", ex.Message);
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    public void Read_TruncatedHeader_Fails(int keep)
    {
        var file = Build(1, 1, 16000, 16, Int16Samples(1, 2))[..keep];

        var ex = Assert.Throws<WavFormatException>(() => Read(file, "short.wav"));

        Assert.Contains("short.wav", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Read_NoDataChunk_Fails()
    {
        var file = Build(1, 1, 16000, 16, [])[..^8];

        var ex = Assert.Throws<WavFormatException>(() => Read(file, "empty.wav"));

        Assert.Contains("no data chunk", ex.Message);
    }

    [Theory]
    [InlineData(7, 8, "u-law")]
    [InlineData(6, 8, "A-law")]
    [InlineData(2, 4, "MS ADPCM")]
    [InlineData(0x11, 4, "IMA ADPCM")]
    [InlineData(0x55, 16, "MP3")]
    [InlineData(1, 12, "PCM 12-bit")]
    [InlineData(3, 16, "IEEE float 16-bit")]
    public void Read_UnsupportedEncoding_FailsNamingEncodingAndFile(int tag, int bits, string encoding)
    {
        var file = Build(tag, 1, 8000, bits, new byte[16]);

        var ex = Assert.Throws<UnsupportedWavEncodingException>(() => Read(file, "phone.wav"));

        Assert.Equal(encoding, ex.Encoding);
        Assert.Contains("phone.wav", ex.Message);
        Assert.Contains(encoding, ex.Message);
    }

    [Fact]
    public void Read_Path_ReadsFileAndMissingFileNamesPath()
    {
        string dir = Directory.CreateTempSubdirectory("wavreader").FullName;
        try
        {
            string path = Path.Combine(dir, "a.wav");
            File.WriteAllBytes(path, Build(1, 1, 16000, 16, Int16Samples(100, -100)));
            Assert.Equal(2, WavReader.Read(path).Samples.Length);

            string missing = Path.Combine(dir, "missing.wav");
            var ex = Assert.Throws<FileNotFoundException>(() => WavReader.Read(missing));
            Assert.Contains(missing, ex.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
