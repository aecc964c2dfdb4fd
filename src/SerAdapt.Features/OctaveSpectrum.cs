namespace SerAdapt.Features;

/// <summary>
/// The log2-frequency ("octave") magnitude spectrum that feeds the SHS pitch detector (the role of
/// openSMILE's cSpecScale, scale=octave, interpMethod=spline). Target points are equally spaced in
/// log2 f from minF to fs/2 (as many as the input has bins). Optional steps, in order:
/// peak enhancement on the linear bins (bins more than 2 bins from every local maximum set to 0;
/// a falling start, a rising end, the leading rise and the trailing fall are kept as well), then
/// 3-tap [1 2 1]/4 smoothing (bin 0 sees a zero left neighbour, the last bin is left alone); then
/// a natural cubic spline whose knots are the bins placed at log2 of their frequency (the spline
/// lives on the log2 axis, not on the bin axis; bin 0 sits at half a bin, since 0 Hz has no
/// log2), negative overshoot clipped to 0; then the auditory weight 0.5 + atan(a log2 f + b) / pi.
/// Against openSMILE's octave-spectrum debug level (3 files, every frame) this agrees within
/// 1e-5 of the frame maximum; a = 2.9941486 and b = -13.9749255 (a slope of ~3 per octave, half
/// weight at 25.4 Hz) were read off that level, the rest is exact.
/// </summary>
public sealed class OctaveSpectrum
{
    private const double WeightSlope = 2.9941486;
    private const double WeightOffset = -13.9749255;
    private readonly int _bins;
    private readonly bool _enhance;
    private readonly bool _smooth;
    private readonly double[] _knot;   // log2 f of every bin
    private readonly double[] _h;      // knot spacing
    private readonly double[] _h6Inv;  // 6 / knot spacing
    private readonly int[] _index;     // spline segment per target point
    private readonly double[] _a;      // spline weights per target point
    private readonly double[] _b;
    private readonly double[] _ca;
    private readonly double[] _cb;
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

        _knot = new double[bins];
        _knot[0] = Math.Log2(0.5 * binHz);
        for (int k = 1; k < bins; k++) _knot[k] = Math.Log2(k * binHz);
        _h = new double[bins - 1];
        _h6Inv = new double[bins - 1];
        for (int k = 0; k < bins - 1; k++)
        {
            _h[k] = _knot[k + 1] - _knot[k];
            _h6Inv[k] = 6.0 / _h[k];
        }

        _index = new int[bins];
        _a = new double[bins];
        _b = new double[bins];
        _ca = new double[bins];
        _cb = new double[bins];
        _weight = new double[bins];
        int seg = 0;
        for (int i = 0; i < bins; i++)
        {
            double logF = LogMin + i * LogStep;
            while (seg < bins - 2 && _knot[seg + 1] < logF) seg++;
            double h = _h[seg];
            double a = (_knot[seg + 1] - logF) / h, b = 1 - a;
            _index[i] = seg;
            _a[i] = a;
            _b[i] = b;
            _ca[i] = (a * a * a - a) * h * h / 6.0;
            _cb[i] = (b * b * b - b) * h * h / 6.0;
            _weight[i] = auditoryWeighting ? 0.5 + Math.Atan(WeightSlope * logF + WeightOffset) / Math.PI : 1.0;
        }

        // Natural spline: h[i-1] M[i-1] + 2 (h[i-1] + h[i]) M[i] + h[i] M[i+1] = rhs[i], M[0] = M[n-1] = 0.
        _y = new double[bins];
        _y2 = new double[bins];
        _cp = new double[bins];
        _inv = new double[bins];
        for (int i = 1; i < bins - 1; i++)
        {
            double diag = 2 * (_h[i - 1] + _h[i]) - _h[i - 1] * _cp[i - 1];
            _inv[i] = 1.0 / diag;
            _cp[i] = _h[i] * _inv[i];
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
            y[0] = 0.5 * prev + 0.25 * y[1];
            for (int i = 1; i < n - 1; i++)
            {
                double cur = y[i];
                y[i] = 0.25 * (prev + 2 * cur + y[i + 1]);
                prev = cur;
            }
        }
        NaturalSpline(y, _y2);
        var y2 = _y2;
        for (int i = 0; i < n; i++)
        {
            int k = _index[i];
            double v = _a[i] * y[k] + _b[i] * y[k + 1] + _ca[i] * y2[k] + _cb[i] * y2[k + 1];
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
        if (y[n - 1] > y[n - 2]) keep[n - 1] = keep[n - 2] = keep[n - 3] = true;
        for (int i = 0; i + 1 < n && y[i + 1] > y[i]; i++) keep[i] = true;
        for (int i = n - 1; i > 0 && y[i - 1] > y[i]; i--) keep[i] = true;
        for (int i = 0; i < n; i++) if (!keep[i]) y[i] = 0;
    }

    // Second derivatives of the natural cubic spline through (knot, y) (Thomas algorithm).
    private void NaturalSpline(double[] y, double[] y2)
    {
        int n = y.Length;
        var h = _h;
        var h6 = _h6Inv;
        var c = _cp;
        var inv = _inv;
        y2[0] = 0;
        for (int i = 1; i < n - 1; i++)
        {
            double rhs = (y[i + 1] - y[i]) * h6[i] - (y[i] - y[i - 1]) * h6[i - 1];
            y2[i] = (rhs - h[i - 1] * y2[i - 1]) * inv[i];
        }
        y2[n - 1] = 0;
        for (int i = n - 2; i >= 1; i--) y2[i] -= c[i] * y2[i + 1];
    }
}
