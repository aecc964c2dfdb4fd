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

    [Fact]
    public void SpecResampleAutocorrelation_EqualsAutocorrelationOfTheOneSidedInverseDft()
    {
        // openSMILE's 11 kHz frame: Re sum_{k<137} X[k] exp(2 pi i k t / 352), t = 0..274.
        const int n = 512, frame = 400, m = 275, bins = 137, p = 8;
        const double period = 352;
        var rnd = new Random(3);
        var x = new float[n];
        for (int i = 56; i < 56 + frame; i++) x[i] = (float)(rnd.NextDouble() - 0.5);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        new Fft(n).Forward(x, re, im);
        var y = new double[m];
        for (int t = 0; t < m; t++)
            for (int k = 0; k < bins; k++)
            {
                double ph = 2 * Math.PI * k * t / period;
                y[t] += re[k] * Math.Cos(ph) - im[k] * Math.Sin(ph);
            }
        var resample = new SpecResample(n, frame, 16000, 11000, p);
        Assert.Equal(m, resample.OutputLength);
        Assert.Equal(bins, resample.Bins);
        var r = new double[p + 1];
        resample.Autocorrelation(re, im, r);
        for (int lag = 0; lag <= p; lag++)
        {
            double expected = 0;
            for (int t = lag; t < m; t++) expected += y[t] * y[t - lag];
            Assert.Equal(expected, r[lag], 1e-9 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Fact]
    public void Lsp_OfKnownPolynomial_AreItsUnitCircleRoots()
    {
        // A(z) from two resonances; the LSPs must interleave and lie in (0, pi).
        double[] lpc = [-1.6, 1.2, -0.5, 0.15, 0.0, 0.0, 0.0, 0.0];
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
