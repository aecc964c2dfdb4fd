using System.Buffers.Binary;

namespace SerAdapt.Features.Tests;

/// <summary>Readers for the openSMILE reference files used by the LLD parity tests.</summary>
internal static class LldReferenceFiles
{
    public static string FixturesDir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The rows of a copied debug-level excerpt (Fixtures/&lt;name&gt;/dbg_is10_&lt;level&gt;.frames.csv), split at ';' (field 0 = frame time).</summary>
    public static List<string[]> DebugRows(string name, string level) =>
        File.ReadLines(Path.Combine(FixturesDir, name, $"dbg_is10_{level}.frames.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();

    /// <summary>Canonical 44-byte-header 16-bit mono PCM, scaled by 1/32767 as openSMILE does.</summary>
    public static float[] ReadPcm16(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 44 || BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(34)) != 16)
            throw new InvalidDataException($"{path}: not a canonical 16-bit PCM WAV.");
        int n = (bytes.Length - 44) / 2;
        var x = new float[n];
        for (int i = 0; i < n; i++)
            x[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + 2 * i)) / 32767f;
        return x;
    }

    /// <summary>The fixtures that carry openSMILE's exact float32 LLD file (&lt;name&gt;.IS10_lld.htk).</summary>
    public static TheoryData<string> HtkFixtures() =>
        [.. Directory.GetDirectories(FixturesDir)
            .Select(Path.GetFileName).OfType<string>()
            .Where(n => File.Exists(Path.Combine(FixturesDir, n, n + ".IS10_lld.htk")))
            .Order(StringComparer.Ordinal)];

    /// <summary>openSMILE's .htk LLD matrix of a fixture and ours (is10) for its wav, with the same row count.</summary>
    public static (float[,] Reference, float[,] Ours) HtkAndOurs(string name)
    {
        var dir = Path.Combine(FixturesDir, name);
        var reference = ReadHtk(Path.Combine(dir, name + ".IS10_lld.htk"));
        var ours = Is10LldExtractor.Compute(ReadPcm16(Path.Combine(dir, name + ".wav")), Is10Variant.Is10).Frames;
        Assert.Equal(reference.GetLength(0), ours.GetLength(0));
        return (reference, ours);
    }

    /// <summary>How many values of the given columns differ in their float32 bits.</summary>
    public static int BitsDiffering(float[,] a, float[,] b, IEnumerable<int> columns)
    {
        int differing = 0;
        foreach (int col in columns)
            for (int t = 0; t < a.GetLength(0); t++)
                if (BitConverter.SingleToInt32Bits(a[t, col]) != BitConverter.SingleToInt32Bits(b[t, col])) differing++;
        return differing;
    }

    /// <summary>HTK feature file: 12-byte big-endian header, then big-endian float32 rows.</summary>
    public static float[,] ReadHtk(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int rows = BinaryPrimitives.ReadInt32BigEndian(bytes);
        int cols = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(8)) / 4;
        var m = new float[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                m[r, c] = BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(12 + 4 * (r * cols + c)));
        return m;
    }

    /// <summary>openSMILE LLD csv (';', quoted name, frameTime, then the LLD columns).</summary>
    public static float[,] ReadLldCsv(string path)
    {
        var lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
        int cols = lines[0].Split(';').Length - 2;
        var m = new float[lines.Length, cols];
        for (int r = 0; r < lines.Length; r++)
        {
            var parts = lines[r].Split(';');
            for (int c = 0; c < cols; c++)
                m[r, c] = float.Parse(parts[c + 2], System.Globalization.CultureInfo.InvariantCulture);
        }
        return m;
    }
}
