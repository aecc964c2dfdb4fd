using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SerAdapt.Engine;

/// <summary>
/// Reads and writes the safetensors format (huggingface/safetensors): an 8-byte little-endian
/// header length, a JSON header {"name": {"dtype", "shape", "data_offsets": [begin, end]},
/// "__metadata__": {string: string}}, then the raw little-endian data. Only F32 is supported.
/// Files appear whole or not at all: they are written to a temporary file in the same folder
/// and renamed over the target.
/// </summary>
public static class SafeTensors
{
    public const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 100L << 20;

    public static void Write(string path, IEnumerable<KeyValuePair<string, TensorData>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        string temp = fullPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var list = tensors.ToList();
                byte[] header = BuildHeader(list, metadata);
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                foreach (var (_, t) in list)
                    WriteFloats(stream, t.Values);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static SafeTensorsFile Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
            throw new SafeTensorsFormatException(path, null, bytes.Length, $"truncated: {bytes.Length} bytes, too short for the 8-byte header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes)
            throw new SafeTensorsFormatException(path, null, 0, $"bad header: declared header length {headerLength} is implausibly large");
        if (8 + (long)headerLength > bytes.Length)
            throw new SafeTensorsFormatException(path, null, bytes.Length, $"truncated: the header needs {headerLength} bytes from offset 8 but the file has {bytes.Length} bytes");
        long dataStart = 8 + (long)headerLength;
        long dataLength = bytes.Length - dataStart;

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw new SafeTensorsFormatException(path, null, 8 + (e.BytePositionInLine ?? 0), $"bad header: {e.Message}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new SafeTensorsFormatException(path, null, 8, "bad header: the JSON header is not an object");
            var tensors = new Dictionary<string, TensorData>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Name == MetadataKey)
                {
                    ReadMetadata(path, entry.Value, metadata);
                    continue;
                }
                var (shape, begin, end) = ReadEntry(path, entry.Name, entry.Value);
                long count = 1;
                foreach (int d in shape)
                    count *= d;
                if (end < begin || end - begin != count * sizeof(float))
                    throw new SafeTensorsFormatException(path, entry.Name, dataStart + begin,
                        $"data_offsets [{begin}, {end}] hold {end - begin} bytes, but shape ({string.Join(", ", shape)}) in F32 needs {count * sizeof(float)}");
                if (end > dataLength)
                    throw new SafeTensorsFormatException(path, entry.Name, dataStart + end,
                        $"data_offsets [{begin}, {end}] run past the end of the data ({dataLength} bytes from offset {dataStart}): the file is truncated or the offsets are out of range");
                var values = new float[count];
                ReadFloats(bytes.AsSpan((int)(dataStart + begin), (int)(end - begin)), values);
                tensors.Add(entry.Name, new TensorData(shape, values));
            }
            return new SafeTensorsFile(tensors, metadata);
        }
    }

    private static (int[] Shape, long Begin, long End) ReadEntry(string path, string name, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new SafeTensorsFormatException(path, name, 8, "bad header: the entry is not an object");
        if (!e.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String)
            throw new SafeTensorsFormatException(path, name, 8, "bad header: no dtype");
        if (dtype.GetString() != "F32")
            throw new SafeTensorsFormatException(path, name, 8, $"unknown or unsupported dtype '{dtype.GetString()}' (only F32 is supported)");
        if (!e.TryGetProperty("shape", out var shapeEl) || shapeEl.ValueKind != JsonValueKind.Array)
            throw new SafeTensorsFormatException(path, name, 8, "bad header: no shape");
        var shape = new int[shapeEl.GetArrayLength()];
        int i = 0;
        foreach (var d in shapeEl.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out shape[i]) || shape[i] < 0)
                throw new SafeTensorsFormatException(path, name, 8, $"bad header: shape entry {i} is not a non-negative integer");
            i++;
        }
        if (!e.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2
            || !offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) || begin < 0 || end < 0)
            throw new SafeTensorsFormatException(path, name, 8, "bad header: data_offsets is not a pair of non-negative integers");
        return (shape, begin, end);
    }

    private static void ReadMetadata(string path, JsonElement e, Dictionary<string, string> metadata)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw new SafeTensorsFormatException(path, null, 8, $"bad header: {MetadataKey} is not an object");
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new SafeTensorsFormatException(path, null, 8, $"bad header: metadata value '{p.Name}' is not a string");
            metadata[p.Name] = p.Value.GetString()!;
        }
    }

    private static byte[] BuildHeader(List<KeyValuePair<string, TensorData>> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata)
                    w.WriteString(k, v);
                w.WriteEndObject();
            }
            var names = new HashSet<string>(StringComparer.Ordinal);
            long offset = 0;
            foreach (var (name, t) in tensors)
            {
                if (name == MetadataKey || !names.Add(name))
                    throw new ArgumentException($"Tensor name '{name}' is reserved or appears twice.", nameof(tensors));
                w.WriteStartObject(name);
                w.WriteString("dtype", "F32");
                w.WriteStartArray("shape");
                foreach (int d in t.Shape)
                    w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                offset += (long)t.Values.Length * sizeof(float);
                w.WriteNumberValue(offset);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        // Pad with spaces so that the data starts 8-byte aligned, as the reference writer does.
        int padded = (int)((buffer.Length + 7) / 8 * 8);
        while (buffer.Length < padded)
            buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private static void WriteFloats(Stream stream, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }
        Span<byte> four = stackalloc byte[4];
        foreach (float v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, v);
            stream.Write(four);
        }
    }

    private static void ReadFloats(ReadOnlySpan<byte> bytes, Span<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
            return;
        }
        for (int i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i, 4));
    }
}
