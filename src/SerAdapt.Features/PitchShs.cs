namespace SerAdapt.Features;

/// <summary>
/// Sub-harmonic summation (Hermes 1988) on the octave spectrum, as configured by IS10:
/// score(f) = (1/H) sum_{h=1..H} c^(h-1) S(log2 f + log2 h) with H = 15, c = 0.85, the shifts
/// truncated to whole target points (of a grid one point finer than the spectrum's, as openSMILE).
/// Peaks are local score maxima, refined by a parabola through the peak and its neighbours;
/// voicing of a candidate = max(0, 1 - mean(score over all points) / score).
/// greedy=true (openSMILE's greedyPeakAlgo): the nCandidates peaks with the highest unrefined
/// score over the WHOLE spectrum are taken first, and only then those whose refined frequency
/// lies outside minPitch..maxPitch are dropped, so a frame can end with fewer candidates, or none
/// (this reproduces openSMILE's candidate lists on 915 of the 916 debug frames).
/// greedy=false is the old algorithm: scanning the whole spectrum upwards, a peak is put first
/// only if its unrefined score beats the current first's, and the list is then cut to the pitch
/// range in the same way (compat voicing then matches openSMILE on all but one frame of the 21
/// reference files).
/// </summary>
public sealed class PitchShs
{
    public const int MaxCandidates = 20;
    private const int Harmonics = 15;
    private const double Compression = 0.85;
    private readonly OctaveSpectrum _scale;
    private readonly int[] _shift = new int[Harmonics];
    private readonly float[] _gain = new float[Harmonics];
    private readonly float[] _score;
    private readonly float _minPitch;
    private readonly float _maxPitch;
    private readonly int _candidates;
    private readonly bool _greedy;

    public PitchShs(OctaveSpectrum scale, double minPitch, double maxPitch, int candidates, bool greedy)
    {
        _scale = scale;
        _candidates = Math.Clamp(candidates, 1, MaxCandidates);
        _greedy = greedy;
        for (int h = 0; h < Harmonics; h++)
        {
            // openSMILE spaces the harmonic shifts as if the scale had one more point than it has
            // (N points over the range, not N - 1 steps) and truncates them.
            _shift[h] = (int)Math.Floor(Math.Log2(h + 1) * scale.Length / (scale.LogStep * (scale.Length - 1)));
            _gain[h] = (float)(Math.Pow(Compression, h) / Harmonics);
        }
        _score = new float[scale.Length];
        _minPitch = (float)minPitch;
        _maxPitch = (float)maxPitch;
    }

    /// <summary>Fills f0/voicing/score (best first, zero-padded to their length) and returns the candidate count.</summary>
    public int Apply(ReadOnlySpan<float> octave, Span<float> f0, Span<float> voicing, Span<float> score)
    {
        int n = octave.Length;
        var sc = _score;
        double total = 0;
        for (int j = 0; j < n; j++)
        {
            float acc = 0;
            for (int h = 0; h < Harmonics; h++)
            {
                int idx = j + _shift[h];
                if (idx >= n) break;
                acc += _gain[h] * octave[idx];
            }
            sc[j] = acc;
            total += acc;
        }
        float mean = (float)(total / n);

        Span<float> pf = stackalloc float[MaxCandidates];
        Span<float> ps = stackalloc float[MaxCandidates];
        Span<float> rank = stackalloc float[MaxCandidates];
        int count = 0;
        for (int j = 1; j <= n - 2; j++)
        {
            if (!(sc[j] > sc[j - 1] && sc[j] >= sc[j + 1])) continue;
            double a = sc[j - 1], b = sc[j], c = sc[j + 1];
            double den = a - 2 * b + c;
            double d = den != 0 ? 0.5 * (a - c) / den : 0;
            double peak = b - 0.25 * (a - c) * d;
            float freq = (float)Math.Pow(2, _scale.LogMin + (j + d) * _scale.LogStep);
            float s = (float)peak;
            if (_greedy) Insert(pf, ps, rank, ref count, freq, s, sc[j]);
            else if (count == 0 || sc[j] > rank[0])
            {
                // Old algorithm: a new best pushes the previous ones down the list.
                int keep = Math.Min(count, _candidates - 1);
                for (int i = keep; i > 0; i--) { pf[i] = pf[i - 1]; ps[i] = ps[i - 1]; rank[i] = rank[i - 1]; }
                pf[0] = freq; ps[0] = s; rank[0] = sc[j];
                count = keep + 1;
            }
        }
        int kept = 0;
        for (int i = 0; i < count; i++)
            if (pf[i] >= _minPitch && pf[i] <= _maxPitch) { pf[kept] = pf[i]; ps[kept] = ps[i]; kept++; }
        count = kept;
        f0.Clear(); voicing.Clear(); score.Clear();
        for (int i = 0; i < count && i < f0.Length; i++)
        {
            f0[i] = pf[i];
            score[i] = ps[i];
            voicing[i] = ps[i] > 0 ? Math.Max(0f, 1f - mean / ps[i]) : 0f;
        }
        return count;
    }

    // Keeps the list sorted by the unrefined score r, descending, at most _candidates long.
    private void Insert(Span<float> pf, Span<float> ps, Span<float> rank, ref int count, float f0, float s, float r)
    {
        int pos = count;
        while (pos > 0 && rank[pos - 1] < r) pos--;
        if (pos >= _candidates) return;
        int last = Math.Min(count, _candidates - 1);
        for (int i = last; i > pos; i--) { pf[i] = pf[i - 1]; ps[i] = ps[i - 1]; rank[i] = rank[i - 1]; }
        pf[pos] = f0; ps[pos] = s; rank[pos] = r;
        if (count < _candidates) count++;
    }
}
