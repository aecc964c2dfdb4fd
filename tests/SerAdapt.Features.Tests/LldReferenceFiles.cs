using System.Buffers.Binary;

namespace SerAdapt.Features.Tests;

/// <summary>Readers for the openSMILE reference files used by the LLD parity tests.</summary>
internal static class LldReferenceFiles
{
    public static string FixturesDir => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Canonical 44-byte-header 16-bit mono PCM, scaled by 1/32767 as openSMILE does.</summary>
    /// <summary>The rows of a copied debug-level excerpt (Fixtures/&lt;name&gt;/dbg_is10_&lt;level&gt;.frames.csv), split at ';' (field 0 = frame time).</summary>
    public static List<string[]> DebugRows(string name, string level) =>
        File.ReadLines(Path.Combine(FixturesDir, name, $"dbg_is10_{level}.frames.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();

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
