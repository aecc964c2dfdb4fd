using System.Buffers.Binary;

namespace SerAdapt.Features.Tests;

/// <summary>Builds WAV files byte by byte for the reader tests.</summary>
internal static class WavTestFile
{
    public static byte[] Build(int formatTag, int channels, int sampleRate, int bits, byte[] data,
        bool bigEndian = false, bool extensible = false, byte[][]? extraChunks = null, uint? declaredDataSize = null)
    {
        var fmt = new List<byte>();
        int blockAlign = channels * bits / 8;
        Add16(fmt, extensible ? 0xFFFE : formatTag, bigEndian);
        Add16(fmt, channels, bigEndian);
        Add32(fmt, (uint)sampleRate, bigEndian);
        Add32(fmt, (uint)(sampleRate * blockAlign), bigEndian);
        Add16(fmt, blockAlign, bigEndian);
        Add16(fmt, bits, bigEndian);
        if (extensible)
        {
            Add16(fmt, 22, bigEndian);
            Add16(fmt, bits, bigEndian);
            Add32(fmt, channels == 1 ? 4u : 3u, bigEndian);
            Add16(fmt, formatTag, bigEndian);
            fmt.AddRange([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]);
        }

        var body = new List<byte>("WAVE"u8.ToArray());
        foreach (var chunk in extraChunks ?? []) body.AddRange(chunk);
        body.AddRange(Chunk("fmt ", [.. fmt], bigEndian));
        body.AddRange("data"u8.ToArray());
        Add32(body, declaredDataSize ?? (uint)data.Length, bigEndian);
        body.AddRange(data);
        var file = new List<byte>(bigEndian ? "RIFX"u8.ToArray() : "RIFF"u8.ToArray());
        Add32(file, (uint)body.Count, bigEndian);
        file.AddRange(body);
        return [.. file];
    }

    public static byte[] Chunk(string id, byte[] payload, bool bigEndian = false)
    {
        var c = new List<byte>(System.Text.Encoding.ASCII.GetBytes(id));
        Add32(c, (uint)payload.Length, bigEndian);
        c.AddRange(payload);
        if (payload.Length % 2 == 1) c.Add(0);
        return [.. c];
    }

    public static byte[] Int16Samples(params short[] samples)
    {
        var b = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), samples[i]);
        return b;
    }

    public static WavAudio Read(byte[] file, string name = "test.wav") => WavReader.Read(new MemoryStream(file), name);

    private static void Add16(List<byte> b, int v, bool be)
    {
        Span<byte> s = stackalloc byte[2];
        if (be) BinaryPrimitives.WriteUInt16BigEndian(s, (ushort)v); else BinaryPrimitives.WriteUInt16LittleEndian(s, (ushort)v);
        b.AddRange(s.ToArray());
    }

    private static void Add32(List<byte> b, uint v, bool be)
    {
        Span<byte> s = stackalloc byte[4];
        if (be) BinaryPrimitives.WriteUInt32BigEndian(s, v); else BinaryPrimitives.WriteUInt32LittleEndian(s, v);
        b.AddRange(s.ToArray());
    }
}
