using System.Globalization;
using Xunit.Abstractions;
namespace SerAdapt.Features.Tests;
public sealed class FftDiag(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Diag")]
    [InlineData("psx_librivox_0880")]
    [InlineData("espeak_en_m_p50_s175")]
    [InlineData("syn_saw_150Hz_2s")]
    public void Compare(string name)
    { Mode = 0; OouraRealFft.UseFma = false; Run(name); OouraRealFft.UseFma = true; Run(name); }
    private int Mode;
    [Theory]
    [Trait("Category", "Diag")]
    [InlineData("psx_librivox_0880")]
    [InlineData("syn_saw_150Hz_2s")]
    public void Long(string name)
    {
        string dir = Path.Combine("/work/shared/opensmile-is10/samples", name);
        var wav = WavReader.Read(Path.Combine(dir, name + ".wav")).Samples;
        var rows = File.ReadLines(Path.Combine(dir, "debug_levels", "dbg_is10_fftmag40.csv")).Skip(1)
            .Select(l => l.Split(';').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var gf = Windows.Gaussian(960, 0.25);
        for (int mode = 0; mode < 4; mode++)
        {
            OouraRealFft.UseFma = mode >= 2;
            var of = new OouraRealFft(1024);
            var g = new float[1024];
            long ok = 0, total = 0;
            for (int t = 0; t < rows.Length && t * 160 + 960 <= wav.Length; t++)
            {
                Array.Clear(g);
                for (int n = 0; n < 960; n++)
                {
                    double z = (n - 479.5) / (0.25 * 479.5);
                    g[n] = mode % 2 == 0 ? wav[t * 160 + n] * gf[n] : (float)(wav[t * 160 + n] * Math.Exp(-0.5 * z * z));
                }
                of.Forward(g);
                for (int k = 0; k < 513; k++)
                {
                    float gr = k == 0 ? g[0] : k == 512 ? g[1] : g[2 * k], gi = k == 0 || k == 512 ? 0 : g[2 * k + 1];
                    double v = (float)Math.Sqrt(OouraRealFft.UseFma ? MathF.FusedMultiplyAdd(gr, gr, gi * gi) : gr * gr + gi * gi);
                    double r = rows[t][k];
                    if (Math.Abs(v - r) <= 1e-6 * Math.Abs(r)) ok++;
                    total++;
                }
            }
            output.WriteLine($"long {name} mode {mode}: within 1e-6 {100.0 * ok / total:F3} % of {total}");
        }
    }
    private void Run(string name)
    {
        string dir = Path.Combine("/work/shared/opensmile-is10/samples", name);
        var wav = WavReader.Read(Path.Combine(dir, name + ".wav")).Samples;
        var rows = File.ReadLines(Path.Combine(dir, "debug_levels", "dbg_is10_fftmag.csv")).Skip(1)
            .Select(l => l.Split(';').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var ham = Windows.Hamming(400);
        var dfft = new Fft(512); var of = new OouraRealFft(512);
        var re = new double[257]; var im = new double[257];
        var f = new float[512]; var g = new float[512];
        long[] ok = new long[3]; long total = 0; double[] maxe = new double[3];
        for (int t = 0; t < rows.Length && t * 160 + 400 <= wav.Length; t++)
        {
            var x = wav.AsSpan(t * 160, 400);
            Array.Clear(f);
            for (int n = 0; n < 400; n++)
            {
                double hd = 0.54 - 0.46 * Math.Cos(2 * Math.PI * n / 399);
                float pf = n == 0 ? (1 - 0.97f) * x[0] : x[n] - 0.97f * x[n - 1];
                float pd = n == 0 ? (float)((1 - 0.97) * x[0]) : (float)(x[n] - 0.97 * x[n - 1]);
                float p = Mode / 2 == 0 ? pf : pd;
                f[56 + n] = Mode % 2 == 0 ? p * ham[n] : (float)(p * hd);
            }
            f.CopyTo(g, 0);
            dfft.Forward(f, re, im);
            of.Forward(g);
            for (int k = 0; k < 257; k++)
            {
                double r = rows[t][k];
                float gr = k == 0 ? g[0] : k == 256 ? g[1] : g[2 * k], gi = k == 0 || k == 256 ? 0 : g[2 * k + 1];
                double[] v = {
                    (float)Math.Sqrt(re[k] * re[k] + im[k] * im[k]),
                    (float)Math.Sqrt(OouraRealFft.UseFma ? MathF.FusedMultiplyAdd(gr, gr, gi * gi) : gr * gr + gi * gi),
                    (float)Math.Sqrt((double)gr * gr + (double)gi * gi) };
                for (int i = 0; i < 3; i++)
                {
                    double e = Math.Abs(v[i] - r) / Math.Max(Math.Abs(r), 1e-30);
                    if (e <= 1e-6) ok[i]++;
                    else if (i == 1 && t == 100 && Mode < 0 && name.StartsWith("psx")) output.WriteLine($"t{t} k{k} ref {r:E6} ours {v[i]:E6} dbl {v[0]:E6} rel {e:E2}");
                    maxe[i] = Math.Max(maxe[i], e);
                }
                total++;
            }
        }
        output.WriteLine($"mode {Mode} {name}: frames {rows.Length} bins {total}");
        string[] lab = { "double FFT", "ooura float, float mag", "ooura float, double mag" };
        for (int i = 0; i < 3; i++) output.WriteLine($"  {lab[i],-26} within 1e-6: {100.0 * ok[i] / total:F3} %  max rel {maxe[i]:E2}");
    }
}
