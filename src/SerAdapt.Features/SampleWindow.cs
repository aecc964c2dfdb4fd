namespace SerAdapt.Features;

/// <summary>
/// The stretch of a streamed wave that frames may still read: samples arrive at the end and are
/// dropped from the front once nothing needs them (<see cref="Is10LldStream"/>, the eGeMAPS level stream).
/// </summary>
internal sealed class SampleWindow
{
    private float[] _buffer = new float[1 << 16];

    /// <summary>Index in the wave of the first kept sample.</summary>
    public long Start { get; private set; }

    /// <summary>Kept samples.</summary>
    public int Count { get; private set; }

    /// <summary>Index in the wave just after the last kept sample.</summary>
    public long End => Start + Count;

    /// <summary>Every kept sample (sample <see cref="Start"/> + i at i).</summary>
    public ReadOnlySpan<float> All => _buffer.AsSpan(0, Count);

    /// <summary>Samples [start, start + length) of the wave; they must be kept.</summary>
    public ReadOnlySpan<float> Slice(long start, int length) => _buffer.AsSpan((int)(start - Start), length);

    /// <summary>Drops the samples before <paramref name="keepFrom"/>, then appends <paramref name="samples"/>.</summary>
    public void Append(ReadOnlySpan<float> samples, long keepFrom)
    {
        int drop = (int)Math.Clamp(keepFrom - Start, 0, Count);
        if (drop > 0)
        {
            Array.Copy(_buffer, drop, _buffer, 0, Count - drop);
            Start += drop;
            Count -= drop;
        }
        if (Count + samples.Length > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, Count + samples.Length));
        samples.CopyTo(_buffer.AsSpan(Count));
        Count += samples.Length;
    }
}
