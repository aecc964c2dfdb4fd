namespace SerAdapt.Features;

/// <summary>
/// The log2-frequency ("octave") magnitude spectrum that feeds the SHS pitch detector (the role of
/// openSMILE's cSpecScale, scale=octave, interpMethod=spline), bit-exact with openSMILE's debug
/// level. Target points are equally spaced in log2 f from minF to the last bin's frequency (as
/// many as the input has bins). Optional steps, in order: peak enhancement on the linear bins
/// (bins more than 2 bins from every local maximum set to 0; a falling start, a rising end, the
/// leading rise and the trailing fall are kept as well), then 3-tap [1 2 1]/4 smoothing in double
/// (bin 0 sees a zero left neighbour, the last bin is left alone; the smoothed values stay double);
/// then a natural cubic spline in double (Numerical Recipes' spline/splint arithmetic) whose knots
/// are the bins placed at log2 of their frequency (bin 0 at half a bin, since 0 Hz has no log2),
/// negative overshoot clipped to 0, the value rounded to float; then the auditory weight
/// 0.5 + atan(3 x - c) / pi, in double, with the product rounded to float.
/// Two quirks matter at the last bit: the bin frequencies are k / (N T) with the sample period T
/// rounded to float (1/16000 s becomes 4.75e-8 too long, which moves the top of the scale and every
/// knot), and the weight's x runs over the scale in steps of range / N, not range / (N - 1) (the
/// same "one point more" as the SHS shifts); the weight's offset c = 14.000221422 was read off the
/// debug level (a 2e-11 wide window; 3 x - 14 would be 2.2e-4 off).
/// </summary>
public sealed class OctaveSpectrum
{
    private const double WeightSlope = 3.0;
    /// <summary>The auditory weight's offset c read off IS10's debug level (minF 20 Hz).</summary>
    public const double Is10WeightOffset = 14.000221422012;
    private readonly int _bins;
    private readonly bool _enhance;
    private readonly bool _smooth;
    private readonly bool _weighting;
    private readonly double[] _knot;    // log2 f of every bin
    private readonly double[] _sig;     // (x[i] - x[i-1]) / (x[i+1] - x[i-1])
    private readonly double[] _p;       // sig y2[i-1] + 2 of the decomposition
    private readonly double[] _factor;  // (sig - 1) / p: the decomposition's y2 before back-substitution
    private readonly int[] _index;      // spline segment per target point
    private readonly double[] _target;  // log2 f per target point
    private readonly double[] _weight;
    private readonly double[] _y;
    private readonly double[] _u;
    private readonly double[] _y2;
    private readonly bool[] _keep;

    /// <param name="fftSize">FFT length N; the spectrum has N/2 + 1 bins.</param>
    /// <param name="sampleRate">Sampling rate (Hz); its period is rounded to float as openSMILE stores it.</param>
    public OctaveSpectrum(int fftSize, int sampleRate, double minHz, bool enhance, bool smooth, bool auditoryWeighting, double weightOffset = Is10WeightOffset)
    {
        int bins = fftSize / 2 + 1;
        _bins = bins;
        _enhance = enhance;
        _smooth = smooth;
        _weighting = auditoryWeighting;
        double binHz = 1.0 / (fftSize * (double)(float)(1.0 / sampleRate));
        LogMin = Math.Log2(minHz);
        double logMax = Math.Log2((bins - 1) * binHz);
        LogStep = (logMax - LogMin) / (bins - 1);

        _knot = new double[bins];
        _knot[0] = Math.Log2(0.5 * binHz);
        for (int k = 1; k < bins; k++) _knot[k] = Math.Log2(k * binHz);

        _sig = new double[bins];
        _p = new double[bins];
        _factor = new double[bins];
        for (int i = 1; i < bins - 1; i++)
        {
            double sig = (_knot[i] - _knot[i - 1]) / (_knot[i + 1] - _knot[i - 1]);
            double p = sig * _factor[i - 1] + 2.0;
            _sig[i] = sig;
            _p[i] = p;
            _factor[i] = (sig - 1.0) / p;
        }

        _index = new int[bins];
        _target = new double[bins];
        _weight = new double[bins];
        double weightStep = (logMax - LogMin) / bins;
        int seg = 0;
        for (int i = 0; i < bins; i++)
        {
            double x = LogMin + i * LogStep;
            while (seg < bins - 2 && _knot[seg + 1] < x) seg++;
            _index[i] = seg;
            _target[i] = x;
            _weight[i] = 0.5 + Math.Atan(WeightSlope * (LogMin + i * weightStep) - weightOffset) / Math.PI;
        }
        _y = new double[bins];
        _u = new double[bins];
        _y2 = new double[bins];
        _keep = new bool[bins];
    }

    /// <summary>log2 of the frequency of target point 0.</summary>
    public double LogMin { get; }

    /// <summary>Octaves between neighbouring target points.</summary>
    public double LogStep { get; }

    public int Length => _bins;

    public void Apply(ReadOnlySpan<float> magnitude, Span<float> octave)
    {
        int n = _bins;
        var y = _y;
        for (int i = 0; i < n; i++) y[i] = magnitude[i];
        if (_enhance) Enhance(y);
        if (_smooth)
        {
            double prev = 0;
            for (int i = 0; i < n - 1; i++)
            {
                double cur = y[i];
                y[i] = 0.25 * (prev + 2 * cur + y[i + 1]);
                prev = cur;
            }
        }
        NaturalSpline(y);
        var y2 = _y2;
        var knot = _knot;
        for (int i = 0; i < n; i++)
        {
            int lo = _index[i], hi = lo + 1;
            double x = _target[i];
            double h = knot[hi] - knot[lo];
            double a = (knot[hi] - x) / h, b = (x - knot[lo]) / h;
            double v = a * y[lo] + b * y[hi] + ((a * a * a - a) * y2[lo] + (b * b * b - b) * y2[hi]) * (h * h) / 6.0;
            float value = v > 0 ? (float)v : 0f;
            octave[i] = _weighting ? (float)(value * _weight[i]) : value;
        }
    }

    private void Enhance(double[] y)
    {
        int n = y.Length;
        var keep = _keep;
        Array.Clear(keep);
        for (int i = 1; i < n - 1; i++)
        {
            if (y[i] > y[i - 1] && y[i] >= y[i + 1])
                for (int j = Math.Max(0, i - 2); j <= Math.Min(n - 1, i + 2); j++) keep[j] = true;
        }
        if (y[0] > y[1]) keep[0] = keep[1] = keep[2] = true;
        if (y[n - 1] > y[n - 2]) keep[n - 1] = keep[n - 2] = keep[n - 3] = true;
        for (int i = 0; i + 1 < n && y[i + 1] > y[i]; i++) keep[i] = true;
        for (int i = n - 1; i > 0 && y[i - 1] > y[i]; i--) keep[i] = true;
        for (int i = 0; i < n; i++) if (!keep[i]) y[i] = 0;
    }

    // Second derivatives of the natural cubic spline through (knot, y), in Numerical Recipes'
    // order of operations (the y-independent decomposition is precomputed; same values).
    private void NaturalSpline(double[] y)
    {
        int n = y.Length;
        var x = _knot;
        var u = _u;
        var y2 = _y2;
        u[0] = 0;
        for (int i = 1; i < n - 1; i++)
        {
            double d = (y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
            u[i] = (6.0 * d / (x[i + 1] - x[i - 1]) - _sig[i] * u[i - 1]) / _p[i];
        }
        y2[n - 1] = 0;
        for (int k = n - 2; k >= 0; k--) y2[k] = _factor[k] * y2[k + 1] + u[k];
    }
}
