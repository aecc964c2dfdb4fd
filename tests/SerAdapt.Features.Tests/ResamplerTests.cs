namespace SerAdapt.Features.Tests;

public class ResamplerTests
{
    [Theory]
    [InlineData(48000, 1000.0)]
    [InlineData(44100, 3000.0)]
    [InlineData(22050, 5000.0)]
    [InlineData(8000, 1000.0)]
    [InlineData(11025, 440.0)]
    public void Resample_Sine_KeepsFrequencyAndAmplitude(int inputRate, double frequency)
    {
        var input = Sine(inputRate, frequency, 0.5, seconds: 1.0);

        var output = Resampler.Resample(input, inputRate, 16000);

        Assert.Equal(16000, output.Length);
        // Least-squares fit of a*sin + b*cos at the expected frequency over the middle half:
        // the fitted amplitude is 0.5 and the residual tiny only if the frequency is right.
        var (amplitude, residualRms) = FitSine(output, 16000, frequency, 4000, 12000);
        Assert.InRange(amplitude, 0.4995, 0.5005);
        Assert.True(residualRms < 1e-3, $"residual {residualRms}");
    }

    [Theory]
    [InlineData(48000, 8500.0)]
    [InlineData(48000, 12000.0)]
    [InlineData(44100, 15000.0)]
    [InlineData(22050, 10000.0)]
    public void Resample_AboveOutputNyquist_IsAttenuated(int inputRate, double frequency)
    {
        var input = Sine(inputRate, frequency, 1.0, seconds: 0.5);

        var output = Resampler.Resample(input, inputRate, 16000);

        double rms = Math.Sqrt(output.Skip(1000).Take(6000).Average(v => (double)v * v));
        Assert.True(rms < 1e-3, $"rms {rms} (input rms 0.707)");
    }

    [Fact]
    public void Resample_SameRate_ReturnsCopy()
    {
        float[] input = [1, 2, 3];

        var output = Resampler.Resample(input, 16000, 16000);

        Assert.Equal(input, output);
        Assert.NotSame(input, output);
    }

    [Fact]
    public void Resample_Constant_KeepsDcGain()
    {
        var input = Enumerable.Repeat(0.3f, 48000).ToArray();

        var output = Resampler.Resample(input, 48000, 16000);

        Assert.All(output[1000..15000], v => Assert.Equal(0.3f, v, 4));
    }

    private static float[] Sine(int rate, double frequency, double amplitude, double seconds) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * n / rate)))];

    private static (double Amplitude, double ResidualRms) FitSine(float[] y, int rate, double frequency, int from, int to)
    {
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int n = from; n < to; n++)
        {
            double s = Math.Sin(2 * Math.PI * frequency * n / rate), c = Math.Cos(2 * Math.PI * frequency * n / rate);
            ss += s * s; cc += c * c; sc += s * c; ys += y[n] * s; yc += y[n] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det, b = (yc * ss - ys * sc) / det;
        double residual = 0;
        for (int n = from; n < to; n++)
        {
            double e = y[n] - (a * Math.Sin(2 * Math.PI * frequency * n / rate) + b * Math.Cos(2 * Math.PI * frequency * n / rate));
            residual += e * e;
        }
        return (Math.Sqrt(a * a + b * b), Math.Sqrt(residual / (to - from)));
    }
}
