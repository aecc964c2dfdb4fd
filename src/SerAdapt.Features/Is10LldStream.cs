using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SerAdapt.Features;

/// <summary>
/// The IS10 frame level fed with the wave piece by piece: only the samples that a frame or the jitter
/// chain may still read are kept (a few thousand), so memory grows only with the LLD matrix
/// (nLLD x 76 float32, which every functional reads) and the un-smoothed F0final. The un-smoothed
/// values of row t wait in the delta half of the matrix until <see cref="Finish"/> smooths the
/// columns and computes the deltas in place.
/// </summary>
internal sealed class Is10LldStream
{
    private const int Step = Is10LldExtractor.Step;
    private const int ShortFrame = Is10LldExtractor.ShortFrame;
    private const int LongFrame = Is10LldExtractor.LongFrame;
    private const int Spectral = 32;                  // loudness, mfcc 0-14, logMelFreqBand 0-7, lspFreq 0-7
    private const int Smoothed = Is10Lld.Columns / 2; // 38: the 32 spectral + 6 pitch-rate LLDs
    private const int Lld1Columns = 34;

    private readonly Is10Pipeline _pipe;
    private readonly int _rows;
    private readonly float[,] _frames;
    private readonly float[] _f0Final;
    private readonly float[] _shortAfterLast = new float[Spectral]; // 25 ms frame nLLD, read by the last row's smoothing
    private readonly SampleWindow _wave = new();
    private int _nextShort, _nextLong;
    private float _voicedBefore, _voicedNow, _voicingNow, _envelope; // pitch smoother window: long frames t-2, t-1

    /// <param name="samples">Length of the whole wave at 16 kHz (at least one 60 ms frame).</param>
    public Is10LldStream(Is10Pipeline pipe, long samples)
    {
        if (samples < LongFrame) throw new AudioTooShortException("audio", (int)samples, LongFrame);
        _pipe = pipe;
        _rows = checked((int)((samples - LongFrame) / Step + 1));
        _frames = new float[_rows, Is10Lld.Columns];
        _f0Final = new float[_rows - 1];
        pipe.Jitter.Reset();
    }

    /// <summary>Appends the next samples of the wave (16 kHz, int16/32767 scale) and computes every frame they complete.</summary>
    public void Push(ReadOnlySpan<float> samples)
    {
        // Drops the samples no frame and no jitter row will read again.
        _wave.Append(samples, Math.Min(Math.Min((long)_nextShort * Step, (long)_nextLong * Step), _pipe.Jitter.FirstSampleNeeded));
        long end = _wave.End;
        // The 25 ms framer runs one frame past the last row (nLLD + 1 frames): the smoothing reads it.
        for (; _nextShort <= _rows && (long)_nextShort * Step + ShortFrame <= end; _nextShort++)
            _pipe.ShortFrame(Window(_nextShort, ShortFrame), _nextShort < _rows ? Row(_nextShort).Slice(Smoothed, Spectral) : _shortAfterLast);
        for (; _nextLong < _rows && (long)_nextLong * Step + LongFrame <= end; _nextLong++)
        {
            var (f0, voicing) = _pipe.Pitch(Window(_nextLong, LongFrame));
            float voiced = PitchSmoother.Voiced(f0, voicing, _pipe.VoicingCutoff);
            // The smoother's one-frame delay: long frame t decides row t - 1, and the jitter of row t - 1
            // reads up to the end of long frame t, which is in the buffer now.
            if (_nextLong >= 1) PitchRow(_nextLong - 1, voiced);
            (_voicedBefore, _voicedNow, _voicingNow) = (_voicedNow, voiced, voicing);
        }
    }

    /// <summary>Smooths the columns, computes the deltas and returns the LLDs; every declared sample must have been pushed.</summary>
    public Is10Lld Finish()
    {
        if (_nextShort <= _rows || _nextLong < _rows)
            throw new InvalidOperationException($"the wave ended before frame {Math.Min(_nextShort, _nextLong)} of {_rows} rows");
        // The last row of every pitch-rate column is an edge copy (pitfall P5).
        if (_rows >= 2) Row(_rows - 2).Slice(Smoothed + Spectral, 6).CopyTo(Row(_rows - 1).Slice(Smoothed + Spectral, 6));

        var column = new float[_rows + 1];
        var smoothed = new float[_rows];
        for (int c = 0; c < Smoothed; c++)
        {
            bool spectral = c < Spectral;
            for (int t = 0; t < _rows; t++) column[t] = _frames[t, Smoothed + c];
            if (spectral) column[_rows] = _shortAfterLast[c];
            var x = column.AsSpan(0, spectral ? _rows + 1 : _rows);
            // lld2 (F0final, jitter, shimmer) use noZeroSma in is10.
            if (c >= Spectral + 2 && _pipe.NoZeroSma) Smoothing.SmaNoZero(x, smoothed);
            else Smoothing.Sma(x, smoothed);
            for (int t = 0; t < _rows; t++) _frames[t, c] = smoothed[t];
        }

        var flat = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(_frames)), _frames.Length);
        const int stride = Is10Lld.Columns;
        Deltas.Regression(flat, _rows, stride, 0, Lld1Columns, flat, Smoothed);
        if (_pipe.SegmentDeltas) Deltas.SegmentRegression(flat, _rows, stride, Lld1Columns, 4, flat, Smoothed + Lld1Columns);
        else Deltas.Regression(flat, _rows, stride, Lld1Columns, 4, flat, Smoothed + Lld1Columns);
        return new Is10Lld(_frames, _f0Final);
    }

    // Pitch smoother row t (F0finEnv, voicing, F0final) and the jitter row it guides; voicedAfter is
    // the voiced F0 of long frame t + 1. Row 0 is swallowed by the delay (all 0).
    private void PitchRow(int t, float voicedAfter)
    {
        float final = 0, voicing = 0;
        if (t > 0)
        {
            voicing = _voicingNow;
            final = PitchSmoother.Final(_voicedBefore, _voicedNow, voicedAfter);
        }
        _envelope = PitchSmoother.Envelope(_envelope, final);
        var (jitterLocal, jitterDdp, shimmer) = _pipe.Jitter.Compute(_wave.All, _wave.Start, (long)(t + 1) * Step, final);
        _f0Final[t] = final;
        var raw = Row(t).Slice(Smoothed + Spectral, 6);
        raw[0] = _envelope;
        raw[1] = voicing;
        raw[2] = final;
        raw[3] = jitterLocal;
        raw[4] = jitterDdp;
        raw[5] = shimmer;
    }

    private Span<float> Row(int t) => MemoryMarshal.CreateSpan(ref _frames[t, 0], Is10Lld.Columns);

    private ReadOnlySpan<float> Window(int frame, int length) => _wave.Slice((long)frame * Step, length);
}
