namespace SerAdapt.Features;

/// <summary>
/// Sub-harmonic summation (Hermes 1988) on the octave spectrum, as configured by IS10:
/// score(f) = (1/H) sum_{h=1..H} c^(h-1) S(log2 f + log2 h) with H = 15, c = 0.85, the shifts
/// truncated to whole target points (of a grid one point finer than the spectrum's, as openSMILE).
/// Bit-exact with openSMILE's debug level when the arithmetic is: c^(h-1) as a float running
/// product (c *= 0.85f), the sum in float in ascending h, then divided by H in float; the mean of
/// all scores summed in double. A peak (local score maximum) is refined by the parabola through
/// the scores at j - 1, j, j + 1 placed at x = log2 minF + j step computed in float (not by the
/// usual offset on a uniform grid: the float x's are not uniform, which moves the peak value by
/// up to 1e-4 of its correction), fitted in double; F0 = 2^vertex, score = the vertex value,
/// voicing = 1 - mean / vertex value in double, clipped at 0.
/// greedy=true (openSMILE's greedyPeakAlgo): the nCandidates peaks with the highest unrefined
/// score over the WHOLE spectrum are taken first, and only then those whose refined frequency
/// lies outside minPitch..maxPitch are dropped, so a frame can end with fewer candidates, or none.
/// greedy=false is the old algorithm: scanning the whole spectrum upwards, a peak is put first
/// only if its unrefined score beats the current first's, and the list is then cut to the pitch
/// range in the same way.
/// </summary>
public sealed class PitchShs
{
    public const int MaxCandidates = 20;
    private const int Harmonics = 15;
    private const float Compression = 0.85f;
    private readonly OctaveSpectrum _scale;
    private readonly int[] _shift = new int[Harmonics];
    private readonly float[] _gain = new float[Harmonics];
    private readonly float[] _score;
    private readonly float _minPitch;
    private readonly float _maxPitch;
    private readonly int _candidates;
    private readonly bool _greedy;
    private readonly float _logMin;
    private readonly float _logStep;

    public PitchShs(OctaveSpectrum scale, double minPitch, double maxPitch, int candidates, bool greedy)
    {
        _scale = scale;
        _candidates = Math.Clamp(candidates, 1, MaxCandidates);
        _greedy = greedy;
        float gain = 1f;
        for (int h = 0; h < Harmonics; h++)
        {
            // openSMILE spaces the harmonic shifts as if the scale had one more point than it has
            // (N points over the range, not N - 1 steps) and truncates them.
            _shift[h] = (int)Math.Floor(Math.Log2(h + 1) * scale.Length / (scale.LogStep * (scale.Length - 1)));
            _gain[h] = gain;
            gain *= Compression;
        }
        _score = new float[scale.Length];
        _minPitch = (float)minPitch;
        _maxPitch = (float)maxPitch;
        _logMin = (float)scale.LogMin;
        _logStep = (float)scale.LogStep;
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
            sc[j] = acc / Harmonics;
            total += sc[j];
        }
        double mean = total / n;

        Span<int> pj = stackalloc int[MaxCandidates];
        Span<float> rank = stackalloc float[MaxCandidates];
        int count = 0;
        for (int j = 1; j <= n - 2; j++)
        {
            if (!(sc[j] > sc[j - 1] && sc[j] >= sc[j + 1])) continue;
            if (_greedy) Insert(pj, rank, ref count, j, sc[j]);
            else if (count == 0 || sc[j] > rank[0])
            {
                // Old algorithm: a new best pushes the previous ones down the list.
                int keep = Math.Min(count, _candidates - 1);
                for (int i = keep; i > 0; i--) { pj[i] = pj[i - 1]; rank[i] = rank[i - 1]; }
                pj[0] = j; rank[0] = sc[j];
                count = keep + 1;
            }
        }
        f0.Clear(); voicing.Clear(); score.Clear();
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            var (vertex, peak) = Parabola(pj[i]);
            float freq = (float)Math.Pow(2, vertex);
            if (freq < _minPitch || freq > _maxPitch || kept >= f0.Length) continue;
            f0[kept] = freq;
            score[kept] = (float)peak;
            voicing[kept] = peak > 0 ? Math.Max(0f, (float)(1 - mean / peak)) : 0f;
            kept++;
        }
        return kept;
    }

    // The vertex (log2 f) and value of the parabola through the scores at j - 1, j, j + 1, placed
    // at their log2 frequencies computed in float (log2 minF + j step); the fit itself in double.
    private (double Vertex, double Peak) Parabola(int j)
    {
        var sc = _score;
        double x1 = (float)(_logMin + (j - 1) * _logStep), x2 = (float)(_logMin + j * _logStep), x3 = (float)(_logMin + (j + 1) * _logStep);
        double y1 = sc[j - 1], y2 = sc[j], y3 = sc[j + 1];
        double den = (x1 - x2) * (x1 - x3) * (x2 - x3);
        double a = (x3 * (y2 - y1) + x2 * (y1 - y3) + x1 * (y3 - y2)) / den;
        double b = (x3 * x3 * (y1 - y2) + x2 * x2 * (y3 - y1) + x1 * x1 * (y2 - y3)) / den;
        double c = (x2 * x3 * (x2 - x3) * y1 + x3 * x1 * (x3 - x1) * y2 + x1 * x2 * (x1 - x2) * y3) / den;
        return (-b / (2 * a), c - b * b / (4 * a));
    }

    // Keeps the list sorted by the unrefined score r, descending, at most _candidates long.
    private void Insert(Span<int> pj, Span<float> rank, ref int count, int j, float r)
    {
        int pos = count;
        while (pos > 0 && rank[pos - 1] < r) pos--;
        if (pos >= _candidates) return;
        int last = Math.Min(count, _candidates - 1);
        for (int i = last; i > pos; i--) { pj[i] = pj[i - 1]; rank[i] = rank[i - 1]; }
        pj[pos] = j; rank[pos] = r;
        if (count < _candidates) count++;
    }
}
