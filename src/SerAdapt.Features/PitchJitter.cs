namespace SerAdapt.Features;

/// <summary>
/// Period-to-period jitter and shimmer guided by F0final: openSMILE's cPitchJitter with
/// useBrokenJitterThresh = 1, as specified in ../shared/opensmile-is10/jitter/RULE.md and summarised
/// in docs/features-lld.md ("jitter and shimmer").
/// </summary>
/// <remarks>
/// Each F0 row walks a chain of candidate periods over the wave, starting where the previous row's
/// chain stopped (anchor a, backlog c = frameStart - a). A candidate at s picks the lag L in
/// [lo + 1, hi - 2] (lo = floor((1 - r) T0), hi = ceil((1 + r) T0)) that is the highest strict local
/// maximum of the Pearson correlation of y[s, s+L) with y[s+L, s+2L), refines it by a parabola
/// (period p, peak height h) and moves s to s + L. It is used iff h &gt; m, m the smallest float32(h)
/// of the row so far including its own (the broken threshold: the first candidate of a row passes iff
/// rounding h to float32 went down). Accepted periods feed jitterLocal = mean |p_i - p_i-1| / mean p,
/// jitterDDP = mean ||d_i| - |d_i-1|| / mean p and shimmerLocal = sum |A1 - A2| / sum (A1 + A2) / 2;
/// the last period and difference carry across rows and rejected candidates until an unvoiced row.
/// Rows must be passed in order; <see cref="Reset"/> per file.
/// </remarks>
public sealed class PitchJitter
{
    private const int MinNumPeriods = 2;
    private readonly double _samplePeriod;
    private readonly double _searchRangeRel;
    private readonly int _hop;
    private readonly int _frameLength;
    private readonly float? _minCC;
    private double[] _rho = new double[512];

    // Chain state across rows (RULE.md section 2).
    private long _anchor;
    private int _carry;
    private float _lastPeriod, _lastDiff;
    private float _heldJitter, _heldDdp, _heldShimmer;

    /// <param name="sampleRate">Samples per second of the waveform (F0 rows every 10 ms, 60 ms frames).</param>
    /// <param name="searchRangeRel">openSMILE's searchRangeRel (0.2 in IS10, 0.25 in compat).</param>
    /// <param name="minCC">null = useBrokenJitterThresh = 1 (both IS10 configs); otherwise a candidate
    /// is used iff its peak correlation exceeds this value (useBrokenJitterThresh = 0).</param>
    public PitchJitter(double sampleRate, double searchRangeRel, float? minCC = null)
    {
        _samplePeriod = 1.0 / sampleRate;
        _searchRangeRel = searchRangeRel;
        _hop = (int)Math.Ceiling(sampleRate * 0.01);
        _frameLength = (int)Math.Ceiling(sampleRate * 0.06);
        _minCC = minCC is { } cc ? Math.Clamp(cc, 0.01f, 0.99f) : null;
    }

    /// <summary>The first sample the next row may read (the chain's anchor; never after the next row's
    /// frame start). A caller that streams the wave can drop the samples before it.</summary>
    public long FirstSampleNeeded => _anchor;

    /// <summary>Each candidate of the following rows, for tests (RULE.md 4.2-4.5).</summary>
    internal Action<JitterCandidate>? Trace { get; set; }

    /// <summary>Where the last row's buffer began, its backlog and how many samples it read (RULE.md 3).</summary>
    internal (long Anchor, int Carry, int ReadLength) LastRead { get; private set; }

    /// <summary>Forgets the chain (call before the first row of a file).</summary>
    public void Reset()
    {
        _anchor = 0;
        _carry = 0;
        _lastPeriod = _lastDiff = 0;
        _heldJitter = _heldDdp = _heldShimmer = 0;
    }

    /// <summary>(jitterLocal, jitterDDP, shimmerLocal) of the next F0 row, <paramref name="signal"/> being the whole wave.</summary>
    public (float JitterLocal, float JitterDdp, float ShimmerLocal) Compute(ReadOnlySpan<float> signal, int frameStart, float f0) =>
        Compute(signal, 0, frameStart, f0);

    /// <summary>
    /// (jitterLocal, jitterDDP, shimmerLocal) of the next F0 row. <paramref name="signal"/>[i] is sample
    /// <paramref name="signalStart"/> + i of the wave; it must reach from <see cref="FirstSampleNeeded"/>
    /// to the end of the row's 60 ms frame. For IS10's F0final row t,
    /// <paramref name="frameStart"/> is the start of 60 ms frame t + 1 (the pitch smoother's delay).
    /// </summary>
    public (float JitterLocal, float JitterDdp, float ShimmerLocal) Compute(ReadOnlySpan<float> signal, long signalStart, long frameStart, float f0)
    {
        int baseLength = _hop + _carry;
        bool voiced = f0 > 0;
        int rounded = 0, lo = 0, hi = 0, read = baseLength;
        if (voiced)
        {
            double tau = 1.0 / f0 / _samplePeriod;
            rounded = (int)Math.Round(tau, MidpointRounding.AwayFromZero);
            lo = (int)Math.Floor((1 - _searchRangeRel) * tau);
            hi = (int)Math.Ceiling((1 + _searchRangeRel) * tau);
            read = Math.Max(baseLength, MinNumPeriods * hi + MinNumPeriods);
        }
        read = Math.Min(read, _carry + _frameLength);
        if (frameStart - _carry != _anchor)
        {
            // Resynchronisation; with the updates below it only happens on the first row.
            _anchor = frameStart;
            read = Math.Min(read, _frameLength);
        }
        LastRead = (_anchor, _carry, read);

        if (!voiced)
        {
            _anchor += baseLength;
            _carry = 0;
            _lastPeriod = _lastDiff = 0;
            _heldJitter = _heldDdp = _heldShimmer = 0;
            return (0, 0, 0);
        }

        var y = signal.Slice((int)(_anchor - signalStart), read);
        int s = 0, advance = 0, periods = 0, jitterTerms = 0, ddpTerms = 0;
        bool anyCandidate = false;
        float rowMin = 0, sumPeriod = 0, sumJitter = 0, sumDdp = 0, sumAmplitude = 0, sumAmplitudeDiff = 0;
        while (s + MinNumPeriods * hi + MinNumPeriods <= read)
        {
            int lag = BestLag(y[s..], lo, hi);
            if (lag == 0)
            {
                Trace?.Invoke(new JitterCandidate(_anchor + s, 0, 0, 0, false, 0, 0, 0));
                s += rounded;
            }
            else
            {
                var (xi, h) = Vertex(lag - lo, _rho[lag - lo - 1], _rho[lag - lo], _rho[lag - lo + 1]);
                float period = (float)(Math.Abs(lo + xi) * _samplePeriod);
                float a1 = PeakToPeak(y.Slice(s + 1, lag - 2)), a2 = PeakToPeak(y.Slice(s + lag + 1, lag - 2));
                float hf = (float)h;
                rowMin = anyCandidate ? Math.Min(rowMin, hf) : hf;
                anyCandidate = true;
                float threshold = _minCC ?? rowMin;
                bool accepted = h > threshold;
                Trace?.Invoke(new JitterCandidate(_anchor + s, lag, h, threshold, accepted, period, a1, a2));
                if (accepted)
                {
                    sumPeriod += period;
                    periods++;
                    if (_lastPeriod > 0)
                    {
                        float d = Math.Abs(_lastPeriod - period);
                        sumJitter += d;
                        jitterTerms++;
                        if (_lastDiff > 0)
                        {
                            sumDdp += Math.Abs(_lastDiff - d);
                            ddpTerms++;
                        }
                        _lastDiff = d;
                    }
                    _lastPeriod = period;
                    sumAmplitude += (a1 + a2) / 2;
                    sumAmplitudeDiff += Math.Abs(a1 - a2);
                }
                s += lag;
            }
            if (s < baseLength - 1) advance = s;
        }
        _anchor += advance;
        _carry = baseLength - advance;

        // Held values are stored clipped to 1, so a row without an accepted period repeats them as they are.
        if (periods == 0) return (_heldJitter, _heldDdp, _heldShimmer);
        float meanPeriod = sumPeriod / periods;
        float jitter = Output(ref _heldJitter, sumJitter, jitterTerms, meanPeriod);
        float ddp = Output(ref _heldDdp, sumDdp, ddpTerms, meanPeriod);
        _heldShimmer = Math.Min(sumAmplitude == 0 ? 0 : sumAmplitudeDiff / sumAmplitude, 1f);
        return (jitter, ddp, _heldShimmer);
    }

    // A row with accepted periods but no term of this kind outputs 0 and keeps the held value (RULE.md 6).
    private static float Output(ref float held, float sum, int terms, float meanPeriod)
    {
        if (terms == 0) return 0;
        held = Math.Min(sum / terms / meanPeriod, 1f);
        return held;
    }

    // The eligible lag (lo < L < hi - 1, a strict local maximum, the highest; the smaller on a tie) or 0.
    // Leaves the correlations of lags lo..hi in _rho[0..].
    private int BestLag(ReadOnlySpan<float> y, int lo, int hi)
    {
        int count = hi - lo + 1;
        if (_rho.Length < count) _rho = new double[count];
        var rho = _rho;
        // The sum of u = y[0, L) grows by one sample per lag: the same additions in the same order.
        double su = 0;
        for (int i = 0; i < lo; i++) su += y[i];
        for (int l = lo; l <= hi; l++)
        {
            rho[l - lo] = Pearson(y[..l], y.Slice(l, l), su);
            su += y[l];
        }
        int best = 0;
        for (int k = 1; k <= hi - 2 - lo; k++)
            if (rho[k - 1] < rho[k] && rho[k] > rho[k + 1] && (best == 0 || rho[k] > rho[best - lo]))
                best = lo + k;
        return best;
    }

    // Two passes in double, in index order: the means (su is the sum of u), then the centred cross
    // and square sums.
    private static double Pearson(ReadOnlySpan<float> u, ReadOnlySpan<float> v, double su)
    {
        double sv = 0;
        for (int i = 0; i < v.Length; i++) sv += v[i];
        double mu = su / u.Length, mv = sv / v.Length;
        double cross = 0, euu = 0, evv = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double du = u[i] - mu, dv = v[i] - mv;
            cross += du * dv;
            euu += du * du;
            evv += dv * dv;
        }
        return cross / (Math.Sqrt(euu) * Math.Sqrt(evv));
    }

    // The vertex (offset from lo, height) of the parabola through (k-1, y1), (k, y2), (k+1, y3), with
    // the general three-point formulas evaluated left to right as openSMILE does (RULE.md 4.4).
    private static (double Xi, double H) Vertex(int k, double y1, double y2, double y3)
    {
        double x1 = k - 1, x2 = k, x3 = k + 1;
        double den = x1 * x1 * x2 + x2 * x2 * x3 + x3 * x3 * x1 - x3 * x3 * x2 - x2 * x2 * x1 - x1 * x1 * x3;
        double alpha = (y1 * x2 + y2 * x3 + y3 * x1 - y3 * x2 - y2 * x1 - y1 * x3) / den;
        if (den == 0 || alpha == 0)
            return y1 > y2 && y1 > y3 ? (x1, y1) : y3 > y2 && y3 > y1 ? (x3, y3) : (x2, y2);
        double beta = (x1 * x1 * y2 + x2 * x2 * y3 + x3 * x3 * y1 - x3 * x3 * y2 - x2 * x2 * y1 - x1 * x1 * y3) / den;
        double gamma = (x1 * x1 * x2 * y3 + x2 * x2 * x3 * y1 + x3 * x3 * x1 * y2 - x3 * x3 * x2 * y1 - x2 * x2 * x1 * y3 - x1 * x1 * x3 * y2) / den;
        double xi = -beta / (2 * alpha);
        return (xi, gamma - alpha * xi * xi);
    }

    private static float PeakToPeak(ReadOnlySpan<float> x)
    {
        if (x.IsEmpty) return 0;
        float max = x[0], min = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > max) max = x[i];
            if (x[i] < min) min = x[i];
        }
        return max - min;
    }
}
