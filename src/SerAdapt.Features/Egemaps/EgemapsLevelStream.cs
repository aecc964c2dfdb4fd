namespace SerAdapt.Features.Egemaps;

/// <summary>
/// The eGeMAPSv02 frame stages fed with the wave piece by piece (16 kHz, int16 / 32767): only the
/// samples that a frame, a harmonic row or the jitter chain may still read are kept (a few thousand),
/// so memory grows only with the per-frame levels (<see cref="EgemapsLevels"/>, float32), which the
/// LLD smoothing and the functionals read whole (the Viterbi forgets each frame once its row is made). A 60 ms
/// frame's harmonics and jitter are computed as soon as the Viterbi decides its F0 (at most 40 frames
/// later); the 20 ms frames run in order just ahead of the 60 ms ones, so the formants a harmonic row
/// reads wait in a small ring.
/// </summary>
internal sealed class EgemapsLevelStream
{
    private const int Step = EgemapsFrontEnd.Step;
    private const int ShortFrame = EgemapsFrontEnd.ShortFrame;
    private const int LongFrame = EgemapsFrontEnd.LongFrame;
    private const int Ring = 64;   // > the Viterbi's 40 pending frames + the 20 ms frames run ahead
    private const float EnergyGate = 0.001f;
    private const int EC = EgemapsLevels.EColumns, FC = EgemapsLevels.FColumns;

    private readonly EgemapsFrontEnd _fe;
    private readonly int _n20, _n60;
    private readonly float[] _e, _f, _energy;
    private readonly float[] _formants = new float[Ring * 10];
    private readonly float[] _rms = new float[Ring];
    private readonly PitchViterbi _viterbi = new(EgemapsFrontEnd.Candidates, EgemapsFrontEnd.VoicingCutoff);
    // openSMILE: cPitchJitter with searchRangeRel 0.1, useBrokenJitterThresh 0 and minCC 0.5, its
    // rows at the frame start 160 t (the Viterbi output is time-stamped correctly, no one-frame
    // delay). With minCC 0.5 jitter and shimmer match openSMILE on every row of the 21 files (docs/features.md).
    private readonly PitchJitter _jitter = new(EgemapsFrontEnd.SampleRate, 0.1, minCC: 0.5f);
    private readonly float[] _cf0 = new float[EgemapsFrontEnd.Candidates];
    private readonly float[] _cv = new float[EgemapsFrontEnd.Candidates];
    private readonly float[] _h = new float[6];
    private readonly SampleWindow _wave = new();
    private int _nextShort, _nextLong, _nextRow;
    private int _pending = -1;

    /// <param name="samples">Length of the whole wave at 16 kHz (at least one 60 ms frame).</param>
    public EgemapsLevelStream(EgemapsFrontEnd frontEnd, long samples)
    {
        if (samples < LongFrame) throw new AudioTooShortException("audio", (int)Math.Min(samples, int.MaxValue), LongFrame);
        _fe = frontEnd;
        _n60 = checked((int)((samples - LongFrame) / Step + 1));
        _n20 = checked((int)((samples - ShortFrame) / Step + 1));
        _e = new float[checked(_n20 * EC)];
        _f = new float[checked(_n60 * FC)];
        _energy = new float[_n20];
        _fe.Spectral.Reset();
        _jitter.Reset();
    }

    /// <summary>Appends the next samples of the wave and computes every frame and row they complete.</summary>
    public void Push(ReadOnlySpan<float> samples)
    {
        // Drops the samples no frame, row or jitter chain will read again.
        _wave.Append(samples, Math.Min(Math.Min((long)_nextShort * Step, (long)_nextRow * Step), _jitter.FirstSampleNeeded));
        long end = _wave.End;
        Span<float> cf0 = _cf0, cv = _cv;
        for (; _nextLong < _n60 && (long)_nextLong * Step + LongFrame <= end; _nextLong++)
        {
            ShortFrames(_nextLong + 1);
            int count = _fe.LongFrameLevels(Window(_nextLong, LongFrame), cf0, cv, out _rms[_nextLong % Ring]);
            _viterbi.Add(cf0, cv, count);
            Rows(_nextLong + 1 - _viterbi.Pending);
        }
        if (_nextLong == _n60)
        {
            while (_nextShort < _n20 && (long)_nextShort * Step + ShortFrame <= end) ShortFrames(_nextShort + 1);
        }
    }

    /// <summary>Decides the pending frames and returns the levels; every declared sample must have been pushed.</summary>
    public EgemapsLevels Finish()
    {
        if (_nextShort < _n20 || _nextLong < _n60)
            throw new InvalidOperationException($"the wave ended before frame {Math.Min(_nextShort, _nextLong)} of {_n20} short and {_n60} long frames");
        if (_pending < 0)
        {
            _pending = _viterbi.Pending;
            _viterbi.Flush();
            Rows(_n60);
        }
        return new EgemapsLevels(_n20, _n60, _pending, _e, _f, _energy);
    }

    // 20 ms frames up to (excluding) frame `until`, in order (the spectral flux reads the previous one).
    private void ShortFrames(int until)
    {
        for (; _nextShort < until && _nextShort < _n20; _nextShort++)
        {
            if (_nextShort - _nextRow >= Ring) throw new InvalidOperationException("formant ring overrun");
            int t = _nextShort;
            _energy[t] = (float)_fe.ShortFrameLevels(Window(t, ShortFrame), _e.AsSpan(t * EC, EC), _formants.AsSpan(t % Ring * 10, 10));
        }
    }

    // The F rows of the frames the Viterbi has decided, up to (excluding) `decided`.
    private void Rows(int decided)
    {
        Span<float> h = _h;
        for (; _nextRow < decided; _nextRow++)
        {
            int t = _nextRow;
            var (hz, _) = _viterbi.Result(t);
            float f0 = _rms[t % Ring] > EnergyGate ? hz : 0f;
            var row = _f.AsSpan(t * FC, FC);
            row[0] = EgemapsLevelExtractor.Semitone(f0);
            var fm = _formants.AsSpan(t % Ring * 10, 10);
            _fe.HarmonicLevels(Window(t, LongFrame), f0, fm, h);
            row[3] = h[0]; row[4] = h[1]; row[5] = h[2];
            for (int i = 0; i < 3; i++)
            {
                row[6 + 3 * i] = fm[i];
                row[7 + 3 * i] = fm[5 + i];
                row[8 + 3 * i] = h[3 + i];
            }
            var (jl, _, sh) = _jitter.Compute(_wave.All, _wave.Start, (long)t * Step, f0);
            row[1] = jl;
            row[2] = f0 > 0 ? (float)(20 * Math.Log10(1.0 + Math.Min(sh, 1f))) : 0f; // 1 + s in double: tiny shimmer (syn_sine)
        }
        _viterbi.Forget(_nextRow);
    }

    private ReadOnlySpan<float> Window(int frame, int length) => _wave.Slice((long)frame * Step, length);
}
