#:project ../../src/SerAdapt.Features/SerAdapt.Features.csproj
// LLD parity on the 21 openSMILE reference samples (issue 18's target: every one of the 76 columns
// within 1e-4 relative, 1e-4 absolute floor, on >= 99.9 % of the frames of every file; is10 against
// the exact .htk, compat against the LLD csv's 7 significant digits). Exit code 1 when a file misses.
// Run from the repository root: dotnet run tools/is10-parity/lld-parity.cs [SHARED_DIR]
using System.Buffers.Binary;
using System.Globalization;
using SerAdapt.Features;

var root = Path.Combine(args.Length > 0 ? args[0] : "../shared", "opensmile-is10", "samples");
var ci = CultureInfo.InvariantCulture;
bool allOk = true;
Console.WriteLine("file                          is10 worst column (% frames)   compat worst column (% frames)");
foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
{
    var name = Path.GetFileName(dir);
    var wav = Path.Combine(dir, name + ".wav");
    string line = name.PadRight(30);
    foreach (var (variant, file, read) in new (Is10Variant, string, Func<string, float[,]>)[]
             { (Is10Variant.Is10, ".IS10_lld.htk", ReadHtk), (Is10Variant.Is10Compat, ".IS10compat_lld.csv", ReadCsv) })
    {
        var ours = Is10Extractor.ExtractFile(wav, variant).Lld.Frames;
        var reference = read(Path.Combine(dir, name + file));
        if (ours.GetLength(0) != reference.GetLength(0))
        {
            line += $"{ours.GetLength(0)} rows, openSMILE {reference.GetLength(0)}".PadRight(32);
            allOk = false;
            continue;
        }
        var (worst, fraction) = Enumerable.Range(0, Is10Lld.Columns)
            .Select(c => (c, Within(ours, reference, c))).MinBy(x => x.Item2);
        allOk &= fraction >= 0.999;
        line += $"{Is10FeatureNames.Lld[worst]} {100 * fraction:0.00}".PadRight(32);
    }
    Console.WriteLine(line);
}
return allOk ? 0 : 1;

static double Within(float[,] ours, float[,] reference, int c)
{
    int ok = 0, rows = reference.GetLength(0);
    for (int r = 0; r < rows; r++)
        if (Math.Abs((double)ours[r, c] - reference[r, c]) <= Math.Max(1e-4 * Math.Abs(reference[r, c]), 1e-4)) ok++;
    return (double)ok / rows;
}

// HTK: 12-byte big-endian header, then big-endian float32 rows.
static float[,] ReadHtk(string path)
{
    var bytes = File.ReadAllBytes(path);
    int rows = BinaryPrimitives.ReadInt32BigEndian(bytes), cols = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(8)) / 4;
    var m = new float[rows, cols];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            m[r, c] = BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(12 + 4 * (r * cols + c)));
    return m;
}

// openSMILE LLD csv: ';', quoted name, frameTime, then the columns.
static float[,] ReadCsv(string path)
{
    var lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToArray();
    var m = new float[lines.Length, Is10Lld.Columns];
    for (int r = 0; r < lines.Length; r++)
    {
        var parts = lines[r].Split(';');
        for (int c = 0; c < Is10Lld.Columns; c++) m[r, c] = float.Parse(parts[c + 2], CultureInfo.InvariantCulture);
    }
    return m;
}
