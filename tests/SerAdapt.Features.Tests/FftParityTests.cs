using System.Globalization;

namespace SerAdapt.Features.Tests;

/// <summary>
/// openSMILE's FFT is Ooura's split-radix rdft (fftsg) in float32: on eight 60 ms frames of
/// psx_librivox_0880 our magnitudes print exactly as openSMILE's debug level (7 significant
/// digits), which a one-ulp difference of the complex values would break on some of the 4104
/// bins. The same transform with its twiddle tables computed in double does not.
/// </summary>
public sealed class FftParityTests
{
    private static readonly int[] Frames = [4, 40, 150, 153, 155, 157, 160, 166];

    private static (List<string[]> Rows, float[] Samples) Load()
    {
        var dir = Path.Combine(LldReferenceFiles.FixturesDir, "psx_librivox_0880");
        var rows = File.ReadLines(Path.Combine(dir, "dbg_is10_fftmag40.frames.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();
        return (rows, LldReferenceFiles.ReadPcm16(Path.Combine(dir, "psx_librivox_0880.wav")));
    }

    // The share of the 60 ms magnitudes (Gaussian window, frame centred in 1024 points as
    // zeroPadSymmetric does, |X| = sqrt of the float32 sum of float32 squares) that print like openSMILE's.
    private static double PrintedEqualShare(bool floatTableLocals)
    {
        var (rows, x) = Load();
        var gauss = Windows.Gaussian(960, 0.25);
        var fft = new OouraSplitRadixFft(1024, floatTableLocals);
        var a = new float[1024];
        int equal = 0, total = 0;
        for (int f = 0; f < Frames.Length; f++)
        {
            int t = Frames[f];
            Assert.Equal(t * 0.01, double.Parse(rows[f][0], CultureInfo.InvariantCulture), 1e-9);
            Array.Clear(a);
            for (int n = 0; n < 960; n++) a[32 + n] = x[160 * t + n] * gauss[n];
            fft.Forward(a);
            for (int k = 0; k <= 512; k++)
            {
                float re = k == 0 ? a[0] : k == 512 ? a[1] : a[2 * k];
                float im = k == 0 || k == 512 ? 0 : a[2 * k + 1];
                float magnitude = (float)Math.Sqrt(re * re + im * im);
                if (OpenSmileNumberFormat.Csv(magnitude) == rows[f][1 + k]) equal++;
                total++;
            }
        }
        return (double)equal / total;
    }

    [Fact]
    public void SplitRadixFloat32_PrintsOpenSmilesMagnitudesExactly() =>
        Assert.Equal(1.0, PrintedEqualShare(floatTableLocals: true));

    [Fact]
    public void SplitRadixWithDoubleTables_DoesNot()
    {
        double share = PrintedEqualShare(floatTableLocals: false);
        Assert.True(share < 0.9, $"{share:P1} printed equal");
    }
}
