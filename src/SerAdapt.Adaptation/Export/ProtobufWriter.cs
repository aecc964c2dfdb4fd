using System.Buffers.Binary;
using System.Text;

namespace SerAdapt.Adaptation.Export;

/// <summary>
/// The protobuf wire format, just enough of it to write ONNX models: varints, length-delimited
/// fields (strings, bytes, nested messages) and packed float/int64 arrays.
/// </summary>
internal sealed class ProtobufWriter
{
    private readonly MemoryStream _stream = new();

    public byte[] ToArray() => _stream.ToArray();

    public void WriteInt64(int field, long value)
    {
        WriteTag(field, 0);
        WriteVarint((ulong)value);
    }

    public void WriteFloat(int field, float value)
    {
        WriteTag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _stream.Write(bytes);
    }

    public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, 2);
        WriteVarint((ulong)value.Length);
        _stream.Write(value);
    }

    public void WriteMessage(int field, Action<ProtobufWriter> writeBody)
    {
        var inner = new ProtobufWriter();
        writeBody(inner);
        WriteBytes(field, inner.ToArray());
    }

    public void WritePackedInt64(int field, ReadOnlySpan<long> values)
    {
        var inner = new ProtobufWriter();
        foreach (long v in values) inner.WriteVarint((ulong)v);
        WriteBytes(field, inner.ToArray());
    }

    public void WriteRawFloats(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        WriteBytes(field, bytes);
    }

    private void WriteTag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _stream.WriteByte((byte)value);
    }
}
