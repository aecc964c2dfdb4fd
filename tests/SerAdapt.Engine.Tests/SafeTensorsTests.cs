using System.Buffers.Binary;
using System.Text;

namespace SerAdapt.Engine.Tests;

public class SafeTensorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-st-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WriteThenRead_RoundTripsTensorsShapesAndMetadata()
    {
        string path = Path.Combine(_dir, "model.safetensors");
        var net = new Sequential(new Linear(3, 2, new Rng(1)), new BatchNorm1d(2));
        net[1].Forward(new Matrix(new float[] { 1, 2, 3, 5 }, 0, 2, 2));
        SafeTensors.Write(path, net.StateDict(), new Dictionary<string, string> { ["epoch"] = "7" });

        var file = SafeTensors.Read(path);
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"], file.Tensors.Keys);
        Assert.Equal([2, 3], file["0.weight"].Shape);
        Assert.Equal([2], file["1.running_var"].Shape);
        Assert.Equal("7", file.Metadata["epoch"]);

        var copy = new Sequential(new Linear(3, 2, new Rng(99)), new BatchNorm1d(2));
        copy.LoadStateDict(file.Tensors);
        foreach (var ((name, a), (_, b)) in net.NamedState().Zip(copy.NamedState()))
            Assert.True(a.Value.Span.SequenceEqual(b.Value.Span), name);
    }

    [Fact]
    public void Read_FileWrittenByPython_GivesItsTensorsAndMetadata()
    {
        var file = SafeTensors.Read(Path.Combine(AppContext.BaseDirectory, "Golden", "layers.safetensors"));
        Assert.Equal("tests/golden/make_golden.py", file.Metadata["generator"]);
        Assert.Equal([4, 5], file["linear.x"].Shape);
        Assert.Equal([], file["grl.lambda"].Shape);
        Assert.Equal(0.35f, file["grl.lambda"].Values.Single());
    }

    /// <summary>
    /// Writes the file that `python3 tests/golden/make_golden.py --check FILE` reads with plain numpy
    /// (see the script's docstring); keep the two in step.
    /// </summary>
    [Fact]
    public void Write_FileForPythonCheck()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "csharp-written.safetensors");
        var ramp = new float[12];
        for (int i = 0; i < 12; i++)
            ramp[i] = i / 4f;
        SafeTensors.Write(path,
        [
            new("ramp", new TensorData([3, 4], ramp)),
            new("vector", new TensorData([5], [-1.5f, 0f, 2.25f, 1e-30f, 3.4e38f])),
            new("scalar", TensorData.Scalar(0.1f)),
            new("empty", new TensorData([0, 3], [])),
        ], new Dictionary<string, string> { ["writer"] = "SerAdapt.Engine", ["note"] = "héllo \"quoted\"" });
        var back = SafeTensors.Read(path);
        Assert.Equal(["ramp", "vector", "scalar", "empty"], back.Tensors.Keys);
        Assert.Equal(ramp, back["ramp"].Values);
        Assert.Equal("héllo \"quoted\"", back.Metadata["note"]);
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(File.ReadAllBytes(path)) % 8); // data 8-byte aligned
    }

    [Fact]
    public void Read_UnknownDtype_FailsNamingTensorAndOffset()
    {
        string path = WriteRaw("""{"w":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]}}""", new byte[4]);
        var e = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Read(path));
        Assert.Equal("w", e.Tensor);
        Assert.Contains("tensor 'w'", e.Message);
        Assert.Contains("BF16", e.Message);
        Assert.Contains("byte offset", e.Message);
    }

    [Fact]
    public void Read_TruncatedData_FailsNamingTensorAndOffset()
    {
        string good = Path.Combine(_dir, "good.safetensors");
        SafeTensors.Write(good, [new("a", new TensorData([2], [1f, 2f])), new("b", new TensorData([3], [3f, 4f, 5f]))]);
        byte[] bytes = File.ReadAllBytes(good);
        string path = Path.Combine(_dir, "cut.safetensors");
        File.WriteAllBytes(path, bytes[..^4]);
        var e = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Read(path));
        Assert.Equal("b", e.Tensor);
        Assert.Equal(bytes.Length, e.ByteOffset);
        Assert.Contains($"byte offset {bytes.Length}", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Read_TruncatedHeader_FailsWithOffset()
    {
        string path = Path.Combine(_dir, "short.safetensors");
        var bytes = new byte[20];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 100);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Read(path));
        Assert.Null(e.Tensor);
        Assert.Contains("truncated", e.Message);
        Assert.Equal(20, e.ByteOffset);

        File.WriteAllBytes(path, new byte[5]);
        Assert.Contains("truncated", Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Read(path)).Message);
    }

    [Fact]
    public void Read_BadHeaderJson_FailsWithOffset()
    {
        string path = WriteRaw("""{"w":{"dtype":"F32",""", []);
        var e = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Read(path));
        Assert.Contains("bad header", e.Message);
        Assert.True(e.ByteOffset >= 8);
    }

    [Fact]
    public void Read_OffsetsDisagreeWithShape_FailsNamingTensor()
    {
        string path = WriteRaw("""{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", new byte[12]);
        var e = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Read(path));
        Assert.Equal("w", e.Tensor);
        Assert.Contains("data_offsets [0, 8]", e.Message);
    }

    [Fact]
    public void Read_OffsetsOutOfRange_FailsNamingTensorAndOffset()
    {
        string path = WriteRaw("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}""", new byte[8]);
        var e = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Read(path));
        Assert.Equal("w", e.Tensor);
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void Write_InterruptedMidway_LeavesNoFileAndKeepsTheOldOne()
    {
        string path = Path.Combine(_dir, "model.safetensors");
        IEnumerable<KeyValuePair<string, TensorData>> Failing()
        {
            yield return new("a", new TensorData([1], [1f]));
            throw new IOException("disk went away");
        }
        Assert.Throws<IOException>(() => SafeTensors.Write(path, Failing()));
        Assert.Empty(Directory.GetFiles(_dir));

        SafeTensors.Write(path, [new("old", new TensorData([1], [42f]))]);
        Assert.Throws<IOException>(() => SafeTensors.Write(path, Failing()));
        Assert.Equal(["model.safetensors"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Equal(42f, SafeTensors.Read(path)["old"].Values[0]);
    }

    private string WriteRaw(string header, byte[] data)
    {
        string path = Path.Combine(_dir, "raw.safetensors");
        byte[] h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)h.Length);
        h.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + h.Length);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
