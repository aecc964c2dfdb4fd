using System.Globalization;

namespace SerAdapt.Engine.Tests;

/// <summary>
/// The PyTorch fixtures (tests/golden/make_golden.py) and the parity rule: every number within
/// 1e-6 absolute or 1e-5 relative of PyTorch's. Tracks the largest errors seen for reporting.
/// </summary>
internal sealed class Golden
{
    public const double AbsoluteTolerance = 1e-6;
    public const double RelativeTolerance = 1e-5;

    private Golden(SafeTensorsFile file) => File = file;

    public SafeTensorsFile File { get; }

    public int Compared { get; private set; }

    public double MaxAbsoluteError { get; private set; }

    /// <summary>Largest |actual - expected| / |expected| over entries with |expected| &gt; 1e-3.</summary>
    public double MaxRelativeError { get; private set; }

    /// <summary>The largest error as a fraction of what the rule allows (1 = at the limit), and where.</summary>
    public double WorstFractionOfTolerance { get; private set; }

    public string WorstEntry { get; private set; } = "";

    public static Golden Load(string fileName) =>
        new(SafeTensors.Read(Path.Combine(AppContext.BaseDirectory, "Golden", fileName)));

    public Matrix Matrix(string name) => File[name].ToMatrix().Clone();

    public float Scalar(string name) => File[name].Values.Single();

    public void AssertClose(string name, ReadOnlySpan<float> actual)
    {
        var expected = File[name].Values;
        Assert.True(expected.Length == actual.Length, $"{name}: {actual.Length} values, PyTorch has {expected.Length}.");
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            double abs = Math.Abs(a - e);
            MaxAbsoluteError = Math.Max(MaxAbsoluteError, abs);
            if (Math.Abs(e) > 1e-3)
                MaxRelativeError = Math.Max(MaxRelativeError, abs / Math.Abs(e));
            double fraction = abs / Math.Max(AbsoluteTolerance, RelativeTolerance * Math.Abs(e));
            if (fraction > WorstFractionOfTolerance)
            {
                WorstFractionOfTolerance = fraction;
                WorstEntry = $"{name}[{i}]";
            }
            Assert.True(abs <= AbsoluteTolerance || abs <= RelativeTolerance * Math.Abs(e),
                $"{name}[{i}]: C# {a.ToString("R", CultureInfo.InvariantCulture)}, PyTorch {e.ToString("R", CultureInfo.InvariantCulture)} (abs error {abs:G3}).");
        }
        Compared += expected.Length;
    }

    public void AssertClose(string name, Matrix actual) => AssertClose(name, actual.Span);

    public void AssertClose(string name, float actual) => AssertClose(name, [actual]);

    public string Summary =>
        $"{Compared} numbers; max abs error {MaxAbsoluteError:G3}, max rel error (|expected| > 1e-3) {MaxRelativeError:G3}; "
        + $"worst {WorstFractionOfTolerance:P0} of the tolerance at {WorstEntry}";
}
