using System.Buffers.Binary;

namespace SerAdapt.Features;

/// <summary>
/// Reads RIFF (little-endian) and RIFX (big-endian) WAVE files: PCM 8/16/24/32-bit, IEEE float
/// 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE, any channel count (mixed down to mono by
/// averaging the channels).
/// </summary>
/// <remarks>
/// Scaling: a signed b-bit PCM sample s becomes s / (2^(b-1) - 1), so 16-bit PCM gives
/// int16 / 32767 exactly as openSMILE (pitfall P2: NOT 32768), 24-bit s / 8388607, 32-bit
/// s / 2147483647; 8-bit PCM is unsigned and becomes (u - 128) / 127. The most negative code
/// therefore maps slightly below -1. Float samples are taken as they are (no clipping; 64-bit
/// values are rounded to float32). Chunks other than fmt and data are skipped; the first data
/// chunk is read and anything after it ignored; a trailing partial sample frame is dropped.
/// Errors (not RIFF/WAVE, truncated, missing chunks, unsupported encoding) are
/// <see cref="WavFormatException"/>s naming the file.
/// </remarks>
public static class WavReader
{
    internal const int FormatPcm = 0x0001;
    internal const int FormatFloat = 0x0003;
    private const int FormatExtensible = 0xFFFE;

    /// <summary>Reads and decodes the WAV file at <paramref name="path"/>.</summary>
    public static WavAudio Read(string path)
    {
        using var reader = Open(path);
        return reader.ReadAll();
    }

    /// <summary>Reads and decodes a WAV stream; <paramref name="sourceName"/> names it in errors.</summary>
    public static WavAudio Read(Stream stream, string sourceName) => Open(stream, sourceName, ownsStream: false).ReadAll();

    /// <summary>Reads the header of the WAV file at <paramref name="path"/> and returns a reader of its
    /// samples, positioned at the first one (for decoding a long file piece by piece).</summary>
    public static WavSampleReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return Open(stream, path, ownsStream: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static WavSampleReader Open(Stream stream, string sourceName, bool ownsStream)
    {
        Span<byte> header = stackalloc byte[12];
        int got = ReadFully(stream, header);
        if (got < 12 || !(header[..4].SequenceEqual("RIFF"u8) || header[..4].SequenceEqual("RIFX"u8)) || !header[8..12].SequenceEqual("WAVE"u8))
            throw new WavFormatException(sourceName, got == 0 ? "empty file (0 bytes)"
                : got < 12 && got >= 4 && header[..4].SequenceEqual("RIFF"u8)
                ? "truncated WAV header"
                : "not a RIFF/RIFX WAVE file");
        bool bigEndian = header[3] == (byte)'X';

        Format? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            got = ReadFully(stream, chunk);
            if (got < 8)
                throw new WavFormatException(sourceName, got == 0 && format is not null
                    ? "no data chunk"
                    : format is null ? "truncated before the fmt chunk" : "truncated chunk header");
            uint size = ReadUInt32(chunk[4..], bigEndian);
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16 || size > 1024) throw new WavFormatException(sourceName, $"fmt chunk of {size} bytes is malformed");
                var body = new byte[size + (size & 1)];
                if (ReadFully(stream, body) < size) throw new WavFormatException(sourceName, "truncated fmt chunk");
                format = ParseFormat(body.AsSpan(0, (int)size), bigEndian, sourceName);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (format is null) throw new WavFormatException(sourceName, "data chunk before the fmt chunk");
                return new WavSampleReader(stream, ownsStream, size, format, bigEndian, sourceName);
            }
            else
            {
                Skip(stream, size + (size & 1), sourceName);
            }
        }
    }

    internal sealed record Format(int Tag, int Channels, int SampleRate, int BlockAlign, int Bits)
    {
        public string Name => Tag == FormatFloat ? $"IEEE float {Bits}-bit" : $"PCM {Bits}-bit";
    }

    private static Format ParseFormat(ReadOnlySpan<byte> body, bool bigEndian, string sourceName)
    {
        int tag = ReadUInt16(body, bigEndian);
        int channels = ReadUInt16(body[2..], bigEndian);
        uint rate = ReadUInt32(body[4..], bigEndian);
        int blockAlign = ReadUInt16(body[12..], bigEndian);
        int bits = ReadUInt16(body[14..], bigEndian);
        if (tag == FormatExtensible)
        {
            if (body.Length < 40) throw new WavFormatException(sourceName, "WAVE_FORMAT_EXTENSIBLE fmt chunk shorter than 40 bytes");
            // The SubFormat GUID starts with the plain format tag (KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT).
            tag = ReadUInt16(body[24..], bigEndian);
        }
        if (tag != FormatPcm && tag != FormatFloat)
            throw new UnsupportedWavEncodingException(sourceName, tag, EncodingName(tag));
        bool supportedBits = tag == FormatPcm ? bits is 8 or 16 or 24 or 32 : bits is 32 or 64;
        if (!supportedBits)
            throw new UnsupportedWavEncodingException(sourceName, tag, $"{(tag == FormatPcm ? "PCM" : "IEEE float")} {bits}-bit");
        if (channels < 1) throw new WavFormatException(sourceName, "fmt chunk declares 0 channels");
        if (rate is 0 or > int.MaxValue) throw new WavFormatException(sourceName, $"fmt chunk declares a sample rate of {rate} Hz");
        if (blockAlign < channels * bits / 8)
            throw new WavFormatException(sourceName, $"block align {blockAlign} is too small for {channels} channels of {bits} bits");
        return new Format(tag, channels, (int)rate, blockAlign, bits);
    }

    private static string EncodingName(int tag) => tag switch
    {
        0x0002 => "MS ADPCM",
        0x0006 => "A-law",
        0x0007 => "u-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MP3",
        _ => $"format tag 0x{tag:X4}",
    };

    internal static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private static void Skip(Stream stream, long count, string sourceName)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length) throw new WavFormatException(sourceName, "truncated chunk");
            stream.Seek(count, SeekOrigin.Current);
            return;
        }
        Span<byte> sink = stackalloc byte[4096];
        while (count > 0)
        {
            int n = ReadFully(stream, sink[..(int)Math.Min(sink.Length, count)]);
            if (n == 0) throw new WavFormatException(sourceName, "truncated chunk");
            count -= n;
        }
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private static uint ReadUInt32(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}
