namespace SerAdapt.Features;

/// <summary>A well-formed WAV file whose sample encoding is not supported (u-law, A-law, ADPCM,
/// MP3, PCM with an odd sample size, ...). The message names the file and the encoding.</summary>
public sealed class UnsupportedWavEncodingException(string filePath, int formatTag, string encoding)
    : WavFormatException(filePath, $"unsupported WAV encoding {encoding} (format tag 0x{formatTag:X4}); supported: PCM 8/16/24/32-bit, IEEE float 32/64-bit")
{
    public int FormatTag { get; } = formatTag;

    public string Encoding { get; } = encoding;
}
