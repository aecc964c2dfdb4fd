namespace SerAdapt.Features.Egemaps;

/// <summary>
/// openSMILE's Segments functional as eGeMAPS uses it (reference S13, pitfall E19): runs of "in"
/// frames (value != 0 for voiced, == 0 for unvoiced) become segments after 3 "in" frames and end
/// after 2 "out" frames; single "out" frames are bridged; a segment's length is its last "in"
/// frame index minus its first.
/// </summary>
public static class VoicedSegments
{
    private const int MaxSegments = 1000;

    /// <summary>Segments per second, mean and population stddev of the lengths in seconds.</summary>
    public static (float PerSecond, float MeanLength, float StddevLength) Compute(ReadOnlySpan<float> x, bool voiced, double period)
    {
        var lengths = new List<int>();
        int state = 0; // 0 idle, 1 candidate, 2 segment
        int start = 0, count = 0, gap = 0, lastIn = 0;
        for (int i = 0; i < x.Length && lengths.Count < MaxSegments; i++)
        {
            bool isIn = voiced ? x[i] != 0 : x[i] == 0;
            switch (state)
            {
                case 0:
                    if (isIn) { state = 1; start = i; count = 1; gap = 0; lastIn = i; }
                    break;
                case 1:
                    if (isIn)
                    {
                        gap = 0; count++; lastIn = i;
                        if (count >= 3) state = 2;
                    }
                    else if (++gap >= 2) state = 0;
                    break;
                default:
                    if (isIn) { gap = 0; lastIn = i; }
                    else if (++gap >= 2) { lengths.Add(lastIn - start); state = 0; }
                    break;
            }
        }
        if (state == 2 && lengths.Count < MaxSegments) lengths.Add(lastIn - start);
        if (lengths.Count == 0) return (0, 0, 0);
        double sum = 0;
        foreach (int l in lengths) sum += l;
        double mean = sum / lengths.Count;
        double sq = 0;
        foreach (int l in lengths) sq += (l - mean) * (l - mean);
        double sd = lengths.Count < 2 ? 0 : Math.Sqrt(sq / lengths.Count);
        return ((float)(lengths.Count / (x.Length * period)), (float)(mean * period), (float)(sd * period));
    }
}
