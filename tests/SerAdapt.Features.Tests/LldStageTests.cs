namespace SerAdapt.Features.Tests;

/// <summary>Unit tests of the LLD stages against direct (slow) formulas.</summary>
public sealed class LldStageTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(512)]
    [InlineData(1024)]
    public void Fft_MatchesDirectDft(int n)
    {
        var rnd = new Random(7);
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float)(rnd.NextDouble() * 2 - 1);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        new Fft(n).Forward(x, re, im);
        for (int k = 0; k <= n / 2; k++)
        {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++)
            {
                sr += x[t] * Math.Cos(2 * Math.PI * k * t / n);
                si -= x[t] * Math.Sin(2 * Math.PI * k * t / n);
            }
            Assert.Equal(sr, re[k], 1e-9);
            Assert.Equal(si, im[k], 1e-9);
        }
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(512, true)]
    [InlineData(512, false)]
    [InlineData(1024, true)]
    [InlineData(4096, true)]
    public void OouraSplitRadixFft_MatchesDirectDftToFloat32Rounding(int n, bool floatTableLocals)
    {
        // Sizes through every path of fftsg's forward transform: cftfx41 (64), cftleaf (512),
        // cftrec4 (1024) and cftrec4 with cfttree (4096).
        var rnd = new Random(5);
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float)(rnd.NextDouble() * 2 - 1);
        var a = (float[])x.Clone();
        new OouraSplitRadixFft(n, floatTableLocals).Forward(a);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        new Fft(n).Forward(x, re, im);
        double max = 0;
        for (int k = 0; k <= n / 2; k++) max = Math.Max(max, Math.Sqrt(re[k] * re[k] + im[k] * im[k]));
        for (int k = 0; k <= n / 2; k++)
        {
            // Ooura's layout: a[0] = R[0], a[1] = R[N/2], a[2k] = R[k], a[2k+1] = -Im X[k].
            double ourRe = k == 0 ? a[0] : k == n / 2 ? a[1] : a[2 * k];
            double ourIm = k == 0 || k == n / 2 ? 0 : -a[2 * k + 1];
            Assert.Equal(re[k], ourRe, 1e-6 * max);
            Assert.Equal(im[k], ourIm, 1e-6 * max);
        }
    }

    [Fact]
    public void OouraSplitRadixFft_RejectsLengthsItDoesNotPort()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OouraSplitRadixFft(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OouraSplitRadixFft(768));
    }

    private static (float[] Re, float[] Im) RandomFrameSpectrum(int n, int offset, int frame, int seed)
    {
        var rnd = new Random(seed);
        var x = new float[n];
        for (int i = offset; i < offset + frame; i++) x[i] = (float)(rnd.NextDouble() - 0.5);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        new Fft(n).Forward(x, re, im);
        return (re.Select(v => (float)v).ToArray(), im.Select(v => (float)v).ToArray());
    }

    [Theory]
    [InlineData(512, 400, 11000.0, 275, 137)] // IS10: P = 352 = 11 x 32
    [InlineData(128, 100, 12000.0, 75, 37)]   // P = 96 = 3 x 32
    [InlineData(256, 200, 8000.0, 100, 50)]   // P = 128, a plain FFT
    [InlineData(64, 50, 11000.0, 34, 17)]     // P = 44 = 11 x 4
    public void SpecResample_EqualsOneSidedInverseDftAtTheNewRate(int n, int frame, double target, int m, int bins)
    {
        // openSMILE's frame at the new rate: Re sum_{k<K} X[k] exp(2 pi i k t / P), t = 0..M-1.
        double period = n * target / 16000;
        var (re, im) = RandomFrameSpectrum(n, (n - frame) / 2, frame, 3);
        var resample = new SpecResample(n, frame, 16000, target, 8);
        Assert.Equal(m, resample.OutputLength);
        Assert.Equal(bins, resample.Bins);
        var y = new float[m];
        resample.Resample(re, im, y);
        double max = 0;
        var expected = new double[m];
        for (int t = 0; t < m; t++)
        {
            for (int k = 0; k < bins; k++)
            {
                double ph = 2 * Math.PI * k * t / period;
                expected[t] += re[k] * Math.Cos(ph) - im[k] * Math.Sin(ph);
            }
            max = Math.Max(max, Math.Abs(expected[t]));
        }
        // float32 tables and sums (openSMILE's rounding), so 1e-5 of the frame's maximum.
        for (int t = 0; t < m; t++) Assert.Equal(expected[t], y[t], 1e-5 * max);
    }

    [Fact]
    public void SpecResample_VectorisedSum_EqualsTheScalarFloat32Recipe()
    {
        // openSMILE's rounding: per bin k = 0, 1, ..., y += Re X cos, then y -= Im X sin, each
        // product and sum rounded to float32, tables rounded from double.
        const int n = 512, frame = 400, p = 352;
        var (re, im) = RandomFrameSpectrum(n, 56, frame, 9);
        var resample = new SpecResample(n, frame, 16000, 11000, 8);
        var y = new float[resample.OutputLength];
        resample.Resample(re, im, y);
        for (int t = 0; t < y.Length; t++)
        {
            float acc = 0;
            for (int k = 0; k < resample.Bins; k++)
            {
                double ph = 2 * Math.PI * (k * t % p) / p;
                float c = (float)Math.Cos(ph), s = (float)Math.Sin(ph);
                float prod = re[k] * c;
                acc += prod;
                prod = im[k] * s;
                acc -= prod;
            }
            Assert.Equal(acc, y[t]);
        }
    }

    [Fact]
    public void SpecResample_NonIntegerPeriod_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SpecResample(512, 400, 16000, 11025, 8));
        Assert.Contains("352.8", ex.Message);
    }

    [Fact]
    public void SpecResampleAutocorrelation_IsTheAutocorrelationOfTheResampledFrame()
    {
        const int n = 512, frame = 400, p = 8;
        var (re, im) = RandomFrameSpectrum(n, 0, frame, 5);
        var resample = new SpecResample(n, frame, 16000, 11000, p);
        var y = new float[resample.OutputLength];
        resample.Resample(re, im, y);
        var r = new float[p + 1];
        resample.Autocorrelation(re, im, r);
        for (int lag = 0; lag <= p; lag++)
        {
            double expected = 0;
            for (int t = lag; t < y.Length; t++) expected += (double)y[t] * y[t - lag];
            Assert.Equal(expected, r[lag], 1e-5 * r[0]);
        }
    }

    [Fact]
    public void Lpc_SolvesTheNormalEquations()
    {
        // r of an AR(2) process with poles at 0.9 exp(+-i 0.5): the predictor must satisfy
        // sum_j a_j r[|i-j|] = -r[i], i = 1..p.
        const int p = 4;
        var rnd = new Random(11);
        var x = new double[4000];
        for (int t = 2; t < x.Length; t++) x[t] = 1.8 * Math.Cos(0.5) * x[t - 1] - 0.81 * x[t - 2] + rnd.NextDouble() - 0.5;
        var r = new float[p + 1];
        for (int lag = 0; lag <= p; lag++)
        {
            double s = 0;
            for (int t = lag; t < x.Length; t++) s += x[t] * x[t - lag];
            r[lag] = (float)s;
        }
        var a = new float[p];
        Lpc.FromAutocorrelation(r, a);
        for (int i = 1; i <= p; i++)
        {
            double s = r[i];
            for (int j = 1; j <= p; j++) s += a[j - 1] * r[Math.Abs(i - j)];
            Assert.True(Math.Abs(s) < 1e-4 * r[0], $"equation {i}: residual {s / r[0]}");
        }
        Assert.Equal(-1.8 * Math.Cos(0.5), a[0], 0.05);
        Assert.Equal(0.81, a[1], 0.05);
    }

    [Fact]
    public void Lsp_OfKnownPolynomial_AreItsUnitCircleRoots()
    {
        // A(z) from two resonances; the LSPs must interleave and lie in (0, pi).
        float[] lpc = [-1.6f, 1.2f, -0.5f, 0.15f, 0.0f, 0.0f, 0.0f, 0.0f];
        var w = new float[8];
        Lsp.Compute(lpc, w);
        for (int i = 1; i < 8; i++) Assert.True(w[i] > w[i - 1]);
        // Each P/Q root w satisfies |A(e^jw) +- e^-j9w A(e^-jw)| = 0; check |P| or |Q| is ~0.
        for (int i = 0; i < 8; i++)
        {
            double re = 1, im = 0, rre = 0, rim = 0;
            for (int k = 1; k <= 8; k++) { re += lpc[k - 1] * Math.Cos(k * w[i]); im -= lpc[k - 1] * Math.Sin(k * w[i]); }
            // e^-j9w conj(A(e^jw))
            double c9 = Math.Cos(9 * w[i]), s9 = -Math.Sin(9 * w[i]);
            rre = c9 * re - s9 * -im; rim = c9 * -im + s9 * re;
            double sign = i % 2 == 0 ? 1 : -1;
            double mag = Math.Sqrt(Math.Pow(re + sign * rre, 2) + Math.Pow(im + sign * rim, 2));
            Assert.True(mag < 2e-3, $"root {i} at {w[i]}: |P or Q| = {mag}");
        }
    }

    [Fact]
    public void SegmentDeltas_NormaliserGrowsAcrossTheFile()
    {
        // One column, constant non-zero value rising by 1 per frame: the plain delta is 1,
        // the segment delta shrinks as the never-reset normaliser grows (pitfall P3).
        const int frames = 10;
        var x = new float[frames];
        for (int t = 0; t < frames; t++) x[t] = t + 1;
        var plain = new float[frames];
        var seg = new float[frames];
        Deltas.Regression(x, frames, 1, 0, 1, plain, 0);
        Deltas.SegmentRegression(x, frames, 1, 0, 1, seg, 0);
        Assert.Equal(1f, plain[5], 1e-6f);
        // Frame 0: pairs (x1,x0) and (x2,x0): num = 1*1 + 2*2 = 5, norm = 10 + 1 + 4 = 15.
        Assert.Equal(5f / 15f, seg[0], 1e-6f);
        Assert.True(seg[8] < seg[4]);
    }

    [Fact]
    public void SmaNoZero_KeepsZerosAndSkipsZeroNeighbours()
    {
        float[] x = [0, 100, 110, 0, 120];
        var y = new float[5];
        Smoothing.SmaNoZero(x, y);
        Assert.Equal([0f, 105f, 105f, 0f, 120f], y);
    }
}
