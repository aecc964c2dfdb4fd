namespace SerAdapt.Features.Egemaps;

/// <summary>
/// The Viterbi pitch smoother of eGeMAPS (the role of openSMILE's cPitchSmootherViterbi), written
/// from the reference's description (S2c, pitfalls E2, E3, E17). States per frame: the SHS
/// candidates (in their list order, zero-padded) and one unvoiced state. Local cost of a candidate
/// (f, v), v clipped to [0.01, 1]: (-ln v + (v &lt; cutoff ? wThr : 0)) wLocal + wRange R(f); of the
/// unvoiced state: wLocal wThr if any candidate's voicing reaches the cutoff. Transitions:
/// voiced -> voiced 999 if a frequency is 0, else wTvv |r| + wTvv |r - c| with r = ln(f_i / f_j)
/// (the configured wTvvd is replaced by wTvv) and then c := r, where c is ONE running value shared
/// by all state pairs (start 1.0, updated in loop order: current state outer, previous inner);
/// voiced &lt;-&gt; unvoiced wTvuv and c := 0; unvoiced -> unvoiced 1.0. Decoding is incremental: after
/// each frame the frames on which the best paths into all states agree are emitted; at 40 pending
/// frames the oldest is forced from the cheapest path; at the end the cheapest path decides the rest.
/// <see cref="Pending"/> after the last frame is the K that decides how many frames the F0-side
/// functionals read (E17).
/// </summary>
public sealed class PitchViterbi
{
    private const double WLocal = 2, WTvv = 10, WTvuv = 10, WThr = 4, WRange = 1, WTuu = 1.0, Invalid = 999;
    private const int BufferLength = 40;
    private readonly int _candidates;
    private readonly int _states;
    private readonly float _cutoff;
    private readonly List<float> _f0 = [];        // per frame x candidate
    private readonly List<float> _voicing = [];
    private readonly List<byte> _back = [];       // per frame x state: best previous state
    private readonly List<int> _decided = [];     // chosen state per frame (-1 = pending)
    private int _base;                            // the frame at index 0 of the lists (Forget)
    private double[] _cost;
    private double[] _next;
    private double _c = 1.0;
    private int _frames;
    private int _firstPending;

    public PitchViterbi(int candidates, float voicingCutoff)
    {
        _candidates = candidates;
        _states = candidates + 1;
        _cutoff = voicingCutoff;
        _cost = new double[_states];
        _next = new double[_states];
    }

    /// <summary>Frames added but not yet decided.</summary>
    public int Pending => _frames - _firstPending;

    /// <summary>Adds one frame's candidates (list order; a count below the slot count pads with f = 0, v = 0).</summary>
    public void Add(ReadOnlySpan<float> f0, ReadOnlySpan<float> voicing, int count)
    {
        int s = _states, u = _candidates;
        for (int i = 0; i < _candidates; i++)
        {
            _f0.Add(i < count ? f0[i] : 0f);
            _voicing.Add(i < count ? voicing[i] : 0f);
        }
        int o = (_frames - _base) * _candidates;
        bool anyVoiced = false;
        for (int i = 0; i < _candidates; i++) if (_voicing[o + i] >= _cutoff) anyVoiced = true;

        var next = _next;
        for (int i = 0; i < s; i++)
        {
            double local = i == u ? (anyVoiced ? WLocal * WThr : 0) : LocalCost(_f0[o + i], _voicing[o + i]);
            if (_frames == 0)
            {
                next[i] = local;
                _back.Add(0);
                continue;
            }
            int p = o - _candidates;
            double best = double.PositiveInfinity;
            int arg = 0;
            for (int j = 0; j < s; j++)
            {
                double t;
                if (i == u && j == u) t = WTuu;
                else if (i == u || j == u) { t = WTvuv; _c = 0; }
                else
                {
                    float fi = _f0[o + i], fj = _f0[p + j];
                    if (fi == 0 || fj == 0) t = Invalid;
                    else
                    {
                        double r = Math.Log((double)fi / fj);
                        t = WTvv * Math.Abs(r) + WTvv * Math.Abs(r - _c);
                        _c = r;
                    }
                }
                double total = _cost[j] + t;
                if (total < best) { best = total; arg = j; }
            }
            next[i] = best + local;
            _back.Add((byte)arg);
        }
        (_cost, _next) = (_next, _cost);
        _decided.Add(-1);
        _frames++;
        DecideAgreed();
        if (Pending >= BufferLength) Decide(Cheapest(), 1);
    }

    /// <summary>End of input: the cheapest path decides every pending frame.</summary>
    public void Flush()
    {
        if (Pending > 0) Decide(Cheapest(), Pending);
    }

    /// <summary>
    /// Lets go of the frames before <paramref name="frame"/> (decided ones only), whose <see cref="Result"/>
    /// is no longer asked for: a caller that reads each frame once keeps memory bounded on long input.
    /// </summary>
    public void Forget(int frame)
    {
        frame = Math.Min(frame, _firstPending);
        int count = frame - _base;
        if (count < 4096) return; // in batches: each removal moves the frames kept
        _f0.RemoveRange(0, count * _candidates);
        _voicing.RemoveRange(0, count * _candidates);
        _back.RemoveRange(0, count * _states);
        _decided.RemoveRange(0, count);
        _base = frame;
    }

    /// <summary>F0 (0 = unvoiced) and voicing of decided frame t (the unvoiced state reports candidate 0's voicing).</summary>
    public (float F0, float Voicing) Result(int t)
    {
        if (t < _base) throw new ArgumentOutOfRangeException(nameof(t), t, $"frames before {_base} were forgotten");
        int state = _decided[t - _base];
        int o = (t - _base) * _candidates;
        return state == _candidates ? (0f, _voicing[o]) : (_f0[o + state], _voicing[o + state]);
    }

    private double LocalCost(float f, float v)
    {
        double vc = Math.Clamp(v, 0.01f, 1f);
        double cost = (-Math.Log(vc) + (v < _cutoff ? WThr : 0)) * WLocal;
        return cost + WRange * RangeCost(f);
    }

    private static double RangeCost(double f) => f <= 0 ? 2.0
        : f < 100 ? 1 - f / 100
        : f < 350 ? 0
        : f < 600 ? (f - 350) / 250
        : 1.2;

    private int Cheapest()
    {
        int best = 0;
        for (int i = 1; i < _states; i++) if (_cost[i] < _cost[best]) best = i;
        return best;
    }

    // Emits the oldest pending frames on which the paths into all states of the newest frame agree.
    private void DecideAgreed()
    {
        int newest = _frames - 1;
        Span<int> state = stackalloc int[_states];
        for (int i = 0; i < _states; i++) state[i] = i;
        // Walk all paths back together; remember the newest frame from which they all coincide.
        int agreeFrom = -1;
        for (int t = newest; t > _firstPending; t--)
        {
            bool same = true;
            for (int i = 0; i < _states; i++)
            {
                state[i] = _back[(t - _base) * _states + state[i]];
                if (state[i] != state[0]) same = false;
            }
            if (same) { agreeFrom = t - 1; break; }
        }
        if (agreeFrom < 0) return;
        Decide(state[0], agreeFrom - _firstPending + 1, agreeFrom);
    }

    // Decides `count` pending frames from the oldest, following the path that ends in `state` at frame `at`.
    private void Decide(int state, int count, int at = -1)
    {
        if (at < 0) at = _frames - 1;
        int last = _firstPending + count - 1;
        for (int t = at; t >= _firstPending; t--)
        {
            if (t <= last) _decided[t - _base] = state;
            state = _back[(t - _base) * _states + state];
        }
        _firstPending += count;
    }
}
