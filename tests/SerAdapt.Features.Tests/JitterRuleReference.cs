using System.Globalization;

namespace SerAdapt.Features.Tests;

/// <summary>
/// openSMILE's traced jitter decisions for one sample and variant (Fixtures/jitter, copied from
/// ../shared/opensmile-is10/jitter/periods; columns in Fixtures/jitter/README.md), and ours on the
/// same wave and the same un-smoothed F0 rows.
/// </summary>
internal sealed class JitterRuleReference
{
    public static string JitterDir => Path.Combine(LldReferenceFiles.FixturesDir, "jitter");

    /// <summary>Every (sample, variant) with traced decisions in Fixtures/jitter.</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var stem in Directory.GetFiles(JitterDir, "*.frames.csv").Select(f => Path.GetFileName(f)[..^".frames.csv".Length]).Order(StringComparer.Ordinal))
            data.Add(stem[..stem.LastIndexOf('.')], stem[(stem.LastIndexOf('.') + 1)..]);
        return data;
    }

    /// <summary>The sample's wave: Fixtures/jitter/NAME.wav (a prefix, where only the traced rows need it) or Fixtures/NAME/NAME.wav.</summary>
    public static float[] Wave(string name)
    {
        var own = Path.Combine(JitterDir, name + ".wav");
        return LldReferenceFiles.ReadPcm16(File.Exists(own) ? own : Path.Combine(LldReferenceFiles.FixturesDir, name, name + ".wav"));
    }

    public required Dictionary<string, string>[] Rows { get; init; }
    public required Dictionary<string, string>[] Candidates { get; init; }

    public static JitterRuleReference Load(string name, string variant, string? dir = null, string? wav = null) => new()
    {
        Rows = ReadCsv(Path.Combine(dir ?? JitterDir, $"{name}.{variant}.frames.csv")),
        Candidates = ReadCsv(Path.Combine(dir ?? JitterDir, $"{name}.{variant}.csv")),
    };

    /// <summary>Our rows (anchor, carry, read length, outputs) and candidates for the reference's F0 rows.</summary>
    public (List<OurRow> Rows, List<(int Row, JitterCandidate Candidate)> Candidates) Run(float[] wave, string variant)
    {
        var jitter = new PitchJitter(16000, variant == "is10" ? 0.2 : 0.25);
        var candidates = new List<(int, JitterCandidate)>();
        int row = 0;
        jitter.Trace = c => candidates.Add((row, c));
        var rows = new List<OurRow>();
        for (; row < Rows.Length; row++)
        {
            var output = jitter.Compute(wave, 160 * (row + 1), F(Rows[row]["F0"]));
            rows.Add(new OurRow(jitter.LastRead.Anchor, jitter.LastRead.Carry, jitter.LastRead.ReadLength,
                output.JitterLocal, output.JitterDdp, output.ShimmerLocal));
        }
        return (rows, candidates);
    }

    public static float F(string s) => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    public static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    public static int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static Dictionary<string, string>[] ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(SplitCsv(l)).ToDictionary(p => p.First, p => p.Second))];
    }

    // The reason column may be quoted and contain commas.
    private static IEnumerable<string> SplitCsv(string line)
    {
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { yield return field.ToString(); field.Clear(); }
            else field.Append(ch);
        }
        yield return field.ToString();
    }

    internal readonly record struct OurRow(long Anchor, int Carry, int ReadLength, float JitterLocal, float JitterDdp, float ShimmerLocal);
}
