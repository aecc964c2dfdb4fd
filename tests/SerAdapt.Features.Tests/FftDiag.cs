using System.Globalization;
using Xunit.Abstractions;
namespace SerAdapt.Features.Tests;
public sealed class FftDiag(ITestOutputHelper output)
{
    static Action<float[]> Wrap(SpanAction f) => a => f(a);
    delegate void SpanAction(Span<float> a);
    const string Root = "/work/shared/opensmile-is10/samples";

    [Fact]
    [Trait("Category", "Diag")]
    public void SplitRadix_MatchesDoubleFft()
    {
        var rng = new Random(1);
        foreach (int n in new[] { 64, 128, 256, 512, 1024, 2048, 4096 })
        {
            foreach (bool fl in new[] { false, true })
            {
                var fft = new OouraSplitRadixFft(n, fl);
                var d = new Fft(n);
                var x = new float[n];
                for (int i = 0; i < n; i++) x[i] = (float)(rng.NextDouble() * 2 - 1);
                var re = new double[n / 2 + 1]; var im = new double[n / 2 + 1];
                d.Forward(x, re, im);
                var a = (float[])x.Clone();
                fft.Forward(a);
                double max = 0, err = 0;
                for (int k = 0; k <= n / 2; k++) max = Math.Max(max, Math.Sqrt(re[k] * re[k] + im[k] * im[k]));
                for (int k = 0; k <= n / 2; k++)
                {
                    double r = k == 0 ? a[0] : k == n / 2 ? a[1] : a[2 * k];
                    double i = k == 0 || k == n / 2 ? 0 : -a[2 * k + 1];
                    err = Math.Max(err, Math.Max(Math.Abs(r - re[k]), Math.Abs(i - im[k])));
                }
                output.WriteLine($"n {n} floatTables {fl}: max err / max |X| = {err / max:E2}");
                Assert.True(err / max < 1e-6);
            }
        }
    }

    static double[][] ReadRows(string name, string file) =>
        File.ReadLines(Path.Combine(Root, name, "debug_levels", file)).Skip(1)
            .Select(l => l.Split(';').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    // Magnitudes from Ooura's layout; dblMag: sqrt in double of float products summed in double.
    static void Mags(float[] g, double[] mag, int magMode)
    {
        int half = g.Length / 2;
        for (int k = 0; k <= half; k++)
        {
            float gr = k == 0 ? g[0] : k == half ? g[1] : g[2 * k], gi = k == 0 || k == half ? 0 : g[2 * k + 1];
            mag[k] = magMode switch
            {
                0 => (float)Math.Sqrt(gr * gr + gi * gi),
                1 => (float)Math.Sqrt((double)gr * gr + (double)gi * gi),
                _ => MathF.Sqrt(gr * gr + gi * gi),
            };
        }
    }

    static (double pct, double maxRel) Score(double[][] rows, int frames, Func<int, double[]> spectrum)
    {
        long ok = 0, total = 0; double maxe = 0;
        for (int t = 0; t < frames; t++)
        {
            var v = spectrum(t);
            for (int k = 0; k < v.Length; k++)
            {
                double r = rows[t][k];
                double e = Math.Abs(v[k] - r) / Math.Max(Math.Abs(r), 1e-30);
                if (e <= 1e-6) ok++;
                maxe = Math.Max(maxe, e);
                total++;
            }
        }
        return (100.0 * ok / total, maxe);
    }

    [Theory]
    [Trait("Category", "Diag")]
    [InlineData("psx_librivox_0880")]
    [InlineData("espeak_en_m_p50_s175")]
    [InlineData("syn_saw_150Hz_2s")]
    public void Short(string name)
    {
        var wav = WavReader.Read(Path.Combine(Root, name, name + ".wav")).Samples;
        var rows = ReadRows(name, "dbg_is10_fftmag.csv");
        int frames = Math.Min(rows.Length, (wav.Length - 400) / 160 + 1);
        var ham = Windows.Hamming(400);
        var ffts = new (string, Action<float[]>)[]
        {
            ("fftsg dblTab", Wrap(new OouraSplitRadixFft(512, false).Forward)),
            ("fftsg fltTab", Wrap(new OouraSplitRadixFft(512, true).Forward)),
        };
        var g = new float[512];
        var mag = new double[257];
        foreach (var (label, fft) in ffts)
            for (int mode = 0; mode < 4; mode++)
                foreach (int offset in new[] { 56, 0 })
                    foreach (int magMode in new[] { 0, 1 })
                    {
                        var (pct, maxe) = Score(rows, frames, t =>
                        {
                            var x = wav.AsSpan(t * 160, 400);
                            Array.Clear(g);
                            for (int n = 0; n < 400; n++)
                            {
                                double hd = 0.54 - 0.46 * Math.Cos(2 * Math.PI * n / 399);
                                float pf = n == 0 ? (1 - 0.97f) * x[0] : x[n] - 0.97f * x[n - 1];
                                float pd = n == 0 ? (float)((1 - 0.97) * x[0]) : (float)(x[n] - 0.97 * x[n - 1]);
                                float p = mode / 2 == 0 ? pf : pd;
                                g[offset + n] = mode % 2 == 0 ? p * ham[n] : (float)(p * hd);
                            }
                            fft(g);
                            Mags(g, mag, magMode);
                            return mag;
                        });
                        output.WriteLine($"{name} 25ms {label,-13} pre/win {mode} off {offset,2} mag {magMode}: within 1e-6 {pct:F3} %  max rel {maxe:E2}");
                    }
    }

    [Theory]
    [Trait("Category", "Diag")]
    [InlineData("psx_librivox_0880")]
    [InlineData("syn_saw_150Hz_2s")]
    public void Long(string name)
    {
        var wav = WavReader.Read(Path.Combine(Root, name, name + ".wav")).Samples;
        var rows = ReadRows(name, "dbg_is10_fftmag40.csv");
        int frames = Math.Min(rows.Length, (wav.Length - 960) / 160 + 1);
        var gf = Windows.Gaussian(960, 0.25);
        var ffts = new (string, Action<float[]>)[]
        {
            ("fftsg dblTab", Wrap(new OouraSplitRadixFft(1024, false).Forward)),
            ("fftsg fltTab", Wrap(new OouraSplitRadixFft(1024, true).Forward)),
        };
        var g = new float[1024];
        var mag = new double[513];
        foreach (var (label, fft) in ffts)
            for (int mode = 0; mode < 2; mode++)
                foreach (int offset in new[] { 32, 0 })
                    foreach (int magMode in new[] { 0, 1 })
                    {
                        var (pct, maxe) = Score(rows, frames, t =>
                        {
                            Array.Clear(g);
                            for (int n = 0; n < 960; n++)
                            {
                                double z = (n - 479.5) / (0.25 * 479.5);
                                g[offset + n] = mode == 0 ? wav[t * 160 + n] * gf[n] : (float)(wav[t * 160 + n] * Math.Exp(-0.5 * z * z));
                            }
                            fft(g);
                            Mags(g, mag, magMode);
                            return mag;
                        });
                        output.WriteLine($"{name} 60ms {label,-13} win {mode} off {offset,2} mag {magMode}: within 1e-6 {pct:F3} %  max rel {maxe:E2}");
                    }
    }
}
public sealed class DumpDiag
{
    [Theory]
    [Trait("Category", "Diag")]
    [InlineData("syn_saw_150Hz_2s")]
    [InlineData("psx_librivox_0880")]
    [InlineData("espeak_en_m_p50_s175")]
    public void Dump(string name)
    {
        const string Root = "/work/shared/opensmile-is10/samples";
        var wav = WavReader.Read(Path.Combine(Root, name, name + ".wav")).Samples;
        int frames = (wav.Length - 400) / 160 + 1;
        var ham = Windows.Hamming(400);
        var fft = new OouraSplitRadixFft(512, true);
        var sr = new SpecResample(512, 400, 16000, 11000, 8);
        var g = new float[512]; var re = new float[257]; var im = new float[257]; var y = new float[275];
        using var fo = new BinaryWriter(File.Create($"/tmp/dump_{name}_fft.bin"));
        using var yo = new BinaryWriter(File.Create($"/tmp/dump_{name}_y.bin"));
        for (int t = 0; t < frames; t++)
        {
            var x = wav.AsSpan(t * 160, 400);
            Array.Clear(g);
            g[56] = (1 - 0.97f) * x[0] * ham[0];
            for (int n = 1; n < 400; n++) g[56 + n] = (x[n] - 0.97f * x[n - 1]) * ham[n];
            fft.Forward(g);
            foreach (var v in g) fo.Write(v);
            re[0] = g[0]; im[0] = 0; re[256] = g[1]; im[256] = 0;
            for (int k = 1; k < 256; k++) { re[k] = g[2 * k]; im[k] = -g[2 * k + 1]; }
            sr.Resample(re, im, y);
            foreach (var v in y) yo.Write(v);
        }
    }
}
