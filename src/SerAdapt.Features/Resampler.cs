using System.Numerics.Tensors;

namespace SerAdapt.Features;

/// <summary>
/// Band-limited sample-rate conversion by a rational factor L/M (reduced from the two rates),
/// as a polyphase windowed-sinc filter: y[n] = sum_k x[k] g(n M/L - k) with
/// g(t) = 2 fc sinc(2 fc t) w(t), fc = 0.5 min(1, L/M) * <see cref="PassbandFraction"/> cycles per
/// input sample, w a Kaiser window (beta = <see cref="KaiserBeta"/>) spanning
/// <see cref="ZeroCrossings"/> zero crossings of the sinc on each side. The L phases of g are
/// tabulated once per rate pair. Samples outside the input count as zero.
/// </summary>
/// <remarks>
/// When downsampling, the cutoff sits at 0.5 * 0.9 = 45% of the output rate (7.2 kHz for 16 kHz
/// output), the stopband starts at the output Nyquist frequency and is attenuated by about
/// 80 dB; DC gain is 1. openSMILE's numbers are only reproduced for 16 kHz input: a resampled
/// file gives plausible but not bit-comparable features (the reference resampled its 8/22/48 kHz
/// sources with sox, whose filter differs).
/// </remarks>
public sealed class Resampler
{
    public const double PassbandFraction = 0.9;
    public const double KaiserBeta = 8.0;
    public const int ZeroCrossings = 24;

    private readonly int _up;
    private readonly int _down;
    private readonly int _taps;
    private readonly int _firstOffset;
    private readonly float[] _table;

    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        int g = Gcd(inputRate, outputRate);
        _up = outputRate / g;
        _down = inputRate / g;

        double fc = 0.5 * Math.Min(1.0, (double)_up / _down) * PassbandFraction;
        double halfLength = ZeroCrossings / (2.0 * fc);
        // Output at t = i + p/L uses x[i + j] for j in [_firstOffset, _firstOffset + _taps).
        _firstOffset = -(int)Math.Floor(halfLength);
        _taps = (int)Math.Floor(halfLength) - _firstOffset + 1;
        _table = new float[_up * _taps];
        double i0Beta = BesselI0(KaiserBeta);
        for (int p = 0; p < _up; p++)
        {
            double frac = (double)p / _up;
            for (int j = 0; j < _taps; j++)
            {
                double t = frac - (_firstOffset + j);
                double r = t / halfLength;
                if (Math.Abs(r) > 1) continue;
                double window = BesselI0(KaiserBeta * Math.Sqrt(1 - r * r)) / i0Beta;
                double x = 2 * fc * t;
                double sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
                _table[p * _taps + j] = (float)(2 * fc * sinc * window);
            }
        }
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Number of output samples for <paramref name="inputLength"/> input samples: ceil(n L / M).</summary>
    public int OutputLength(int inputLength) => (int)(((long)inputLength * _up + _down - 1) / _down);

    /// <summary>Resamples the whole of <paramref name="input"/>.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        if (_up == _down) return input.ToArray();
        var output = new float[OutputLength(input.Length)];
        for (int n = 0; n < output.Length; n++)
        {
            long position = (long)n * _down;
            int i = (int)(position / _up);
            int phase = (int)(position % _up);
            var taps = _table.AsSpan(phase * _taps, _taps);
            int start = i + _firstOffset;
            int j0 = Math.Max(0, -start);
            int j1 = Math.Min(_taps, input.Length - start);
            output[n] = j1 > j0 ? TensorPrimitives.Dot(taps[j0..j1], input.Slice(start + j0, j1 - j0)) : 0f;
        }
        return output;
    }

    /// <summary>Resamples <paramref name="input"/> from <paramref name="inputRate"/> to <paramref name="outputRate"/>.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate) =>
        new Resampler(inputRate, outputRate).Process(input);

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    // Modified Bessel function of the first kind, order 0 (power series; converges fast for x < 50).
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 200 && term > 1e-17 * sum; k++)
        {
            term *= q / ((double)k * k);
            sum += term;
        }
        return sum;
    }
}
