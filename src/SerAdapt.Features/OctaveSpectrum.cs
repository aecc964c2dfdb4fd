namespace SerAdapt.Features;

/// <summary>
/// The log2-frequency ("octave") magnitude spectrum that feeds the SHS pitch detector (the role of
/// openSMILE's cSpecScale, scale=octave, interpMethod=spline). Target points are equally spaced in
/// log2 f from minF to fs/2 (as many as the input has bins). Optional steps, in order:
/// peak enhancement (bins more than 2 bins from every local maximum set to 0; a falling start
/// and the leading rise count as peaks), 3-tap [1 2 1]/4 smoothing, natural cubic spline
/// interpolation (negative overshoot clipped to 0), auditory weighting
/// 0.5 + atan(3 (log2 f - 4.68)) / pi (fitted to openSMILE's output: slope 3 per octave,
/// half weight at about 25.6 Hz).
/// </summary>
public sealed class OctaveSpectrum
{
    private const double WeightCentreLog2 = 4.68;
    private readonly int _bins;
    private readonly bool _enhance;
    private readonly bool _smooth;
    private readonly int[] _index;     // spline segment per target point
    private readonly double[] _frac;   // position inside the segment
    private readonly double[] _weight;
    private readonly double[] _y;
    private readonly double[] _y2;
    private readonly double[] _cp;     // Thomas-algorithm factors of the (constant) spline matrix
    private readonly double[] _inv;
    private readonly bool[] _keep;

    public OctaveSpectrum(int bins, double binHz, double minHz, bool enhance, bool smooth, bool auditoryWeighting)
    {
        _bins = bins;
        _enhance = enhance;
        _smooth = smooth;
        double maxHz = (bins - 1) * binHz;
        LogMin = Math.Log2(minHz);
        LogStep = (Math.Log2(maxHz) - LogMin) / (bins - 1);
        _index = new int[bins];
        _frac = new double[bins];
        _weight = new double[bins];
        for (int i = 0; i < bins; i++)
        {
            double logF = LogMin + i * LogStep;
            double pos = Math.Pow(2, logF) / binHz;
            int k = Math.Clamp((int)Math.Floor(pos), 0, bins - 2);
            _index[i] = k;
            _frac[i] = pos - k;
            _weight[i] = auditoryWeighting ? 0.5 + Math.Atan(3.0 * (logF - WeightCentreLog2)) / Math.PI : 1.0;
        }
        _y = new double[bins];
        _y2 = new double[bins];
        _cp = new double[bins];
        _inv = new double[bins];
        for (int i = 1; i < bins - 1; i++)
        {
            _inv[i] = 1.0 / (4.0 - _cp[i - 1]);
            _cp[i] = _inv[i];
        }
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
            double prev = y[0];
            for (int i = 1; i < n - 1; i++)
            {
                double cur = y[i];
                y[i] = 0.25 * (prev + 2 * cur + y[i + 1]);
                prev = cur;
            }
        }
        NaturalSpline(y, _y2);
        for (int i = 0; i < n; i++)
        {
            int k = _index[i];
            double b = _frac[i], a = 1 - b;
            double v = a * y[k] + b * y[k + 1] + ((a * a * a - a) * _y2[k] + (b * b * b - b) * _y2[k + 1]) / 6.0;
            octave[i] = v > 0 ? (float)(v * _weight[i]) : 0f;
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
        for (int i = 0; i + 1 < n && y[i + 1] > y[i]; i++) keep[i] = true;
        for (int i = 0; i < n; i++) if (!keep[i]) y[i] = 0;
    }

    // Second derivatives of the natural cubic spline through y on a unit grid (Thomas algorithm).
    private void NaturalSpline(double[] y, double[] y2)
    {
        int n = y.Length;
        var c = _cp;
        var inv = _inv;
        y2[0] = 0;
        for (int i = 1; i < n - 1; i++)
            y2[i] = (6.0 * (y[i + 1] - 2 * y[i] + y[i - 1]) - y2[i - 1]) * inv[i];
        y2[n - 1] = 0;
        for (int i = n - 2; i >= 1; i--) y2[i] -= c[i] * y2[i + 1];
    }
}
