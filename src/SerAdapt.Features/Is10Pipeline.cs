namespace SerAdapt.Features;

/// <summary>
/// The per-variant, precomputed state of the IS10 frame pipeline (windows, FFTs, filterbanks,
/// spline tables) plus per-frame scratch buffers; one instance per thread.
/// </summary>
internal sealed class Is10Pipeline
{
    private const float PreEmphasis = 0.97f;
    private const int ShortFft = 512;
    private const int LongFft = 1024;
    private const int LpcOrder = 8;

    private readonly float[] _hamming = Windows.Hamming(Is10LldExtractor.ShortFrame);
    private readonly Loudness _loudness = new(Is10LldExtractor.ShortFrame);
    private readonly float[] _gauss = Windows.Gaussian(Is10LldExtractor.LongFrame, 0.25);
    // openSMILE's FFT is Ooura's split-radix rdft in float32 (see OouraSplitRadixFft).
    private readonly OouraSplitRadixFft _fft512 = new(ShortFft);
    private readonly OouraSplitRadixFft _fft1024 = new(LongFft);
    private readonly MelFilterbank _mel26 = new(26, 20, 8000, ShortFft, Is10LldExtractor.SampleRate);
    private readonly MelFilterbank _mel8 = new(8, 20, 6500, ShortFft, Is10LldExtractor.SampleRate);
    private readonly Mfcc _mfcc = new();
    private readonly SpecResample _resample = new(ShortFft, Is10LldExtractor.ShortFrame, Is10LldExtractor.SampleRate, 11000, LpcOrder);
    private readonly OctaveSpectrum _octave;
    private readonly PitchShs _shs;
    private readonly int _padOffset;
    private readonly int _longPadOffset;

    private readonly float[] _frame512 = new float[ShortFft];
    private readonly float[] _frame1024 = new float[LongFft];
    private readonly float[] _re = new float[ShortFft / 2 + 1];
    private readonly float[] _im = new float[ShortFft / 2 + 1];
    private readonly float[] _mag = new float[LongFft / 2 + 1];
    private readonly float[] _bands = new float[26];
    private readonly float[] _acf = new float[LpcOrder + 1];
    private readonly float[] _lpc = new float[LpcOrder];
    private readonly float[] _oct = new float[LongFft / 2 + 1];
    private readonly float[] _candF0 = new float[PitchShs.MaxCandidates];
    private readonly float[] _candVoicing = new float[PitchShs.MaxCandidates];
    private readonly float[] _candScore = new float[PitchShs.MaxCandidates];

    public Is10Pipeline(Is10Variant variant)
    {
        bool is10 = variant == Is10Variant.Is10;
        // zeroPadSymmetric moves the phase (which the resampled LPC frame sees) and the float32
        // rounding of the FFT (which the magnitudes see at 1e-7 of the frame's maximum).
        _padOffset = is10 ? (ShortFft - Is10LldExtractor.ShortFrame) / 2 : 0;
        _longPadOffset = is10 ? (LongFft - Is10LldExtractor.LongFrame) / 2 : 0;
        _octave = is10
            ? new OctaveSpectrum(LongFft, Is10LldExtractor.SampleRate, 20, enhance: true, smooth: true, auditoryWeighting: true)
            : new OctaveSpectrum(LongFft, Is10LldExtractor.SampleRate, 25, enhance: false, smooth: false, auditoryWeighting: false);
        _shs = new PitchShs(_octave, 52, 620, is10 ? 6 : 3, greedy: is10);
        VoicingCutoff = is10 ? 0.70f : 0.75f;
        Jitter = new PitchJitter(Is10LldExtractor.SampleRate, is10 ? 0.2 : 0.25);
        NoZeroSma = is10;
        SegmentDeltas = is10;
    }

    public float VoicingCutoff { get; }
    public PitchJitter Jitter { get; }
    public bool NoZeroSma { get; }
    public bool SegmentDeltas { get; }

    /// <summary>loudness, mfcc[0..14], logMelFreqBand[0..7], lspFreq[0..7] of one raw 25 ms frame.</summary>
    public void ShortFrame(ReadOnlySpan<float> x, Span<float> output)
    {
        output[0] = _loudness.Compute(x[0]);

        var spectrum = ShortSpectrum(x);
        var mag = spectrum.Magnitudes;

        _mel26.Apply(mag, _bands);
        _mfcc.Apply(_bands, output.Slice(1, 15));
        _mel8.Apply(mag, _bands.AsSpan(0, 8));
        for (int b = 0; b < 8; b++) output[16 + b] = MathF.Log(Math.Max(_bands[b], 1e-12f));

        ShortLpc(spectrum, _lpc);
        Lsp.Compute(_lpc, output.Slice(24, 8));
    }

    /// <summary>
    /// The 257-bin magnitude spectrum of one raw 25 ms frame as openSMILE makes it: pre-emphasis,
    /// Hamming, the frame centred in 512 points (is10) or at 0 (compat), float32 FFT. Valid until the
    /// next call; <see cref="ShortLpc"/> takes it (its complex bins) to continue.
    /// </summary>
    public ShortFrameSpectrum ShortSpectrum(ReadOnlySpan<float> x)
    {
        var f = _frame512;
        Array.Clear(f);
        int o = _padOffset;
        f[o] = (1 - PreEmphasis) * x[0] * _hamming[0];
        for (int n = 1; n < x.Length; n++) f[o + n] = (x[n] - PreEmphasis * x[n - 1]) * _hamming[n];
        return new ShortFrameSpectrum(new ReadOnlySpan<float>(_mag, 0, Spectrum(_fft512, f, keepComplex: true)), _re, _im);
    }

    /// <summary>The order-8 LPC of the 25 ms frame whose <paramref name="spectrum"/> is given (11 kHz resampling, ACF, Levinson).</summary>
    public void ShortLpc(in ShortFrameSpectrum spectrum, Span<float> lpc)
    {
        _resample.Autocorrelation(spectrum.Re, spectrum.Im, _acf);
        Lpc.FromAutocorrelation(_acf, lpc);
    }

    /// <summary>The 513-bin magnitude spectrum of one raw 60 ms frame: Gaussian window, centred in 1024 points (is10) or at 0 (compat), float32 FFT. Valid until the next call.</summary>
    public ReadOnlySpan<float> LongSpectrum(ReadOnlySpan<float> x)
    {
        var f = _frame1024;
        Array.Clear(f);
        int o = _longPadOffset;
        for (int n = 0; n < x.Length; n++) f[o + n] = x[n] * _gauss[n];
        return new ReadOnlySpan<float>(_mag, 0, Spectrum(_fft1024, f, keepComplex: false));
    }

    /// <summary>The SHS candidate (F0, voicing) with the highest voicing of one raw 60 ms frame; (0, 0) without candidates.</summary>
    public (float F0, float Voicing) Pitch(ReadOnlySpan<float> x)
    {
        _octave.Apply(LongSpectrum(x), _oct);
        int count = _shs.Apply(_oct, _candF0, _candVoicing, _candScore);
        // The smoother takes the candidate with the highest voicing, which is not always the first
        // in the SHS list (greedy lists are ordered by the unrefined score).
        int best = -1;
        for (int i = 0; i < count; i++)
            if (best < 0 || _candVoicing[i] > _candVoicing[best]) best = i;
        return best >= 0 ? (_candF0[best], _candVoicing[best]) : (0f, 0f);
    }

    // The float32 DFT of f (overwritten): its magnitudes into _mag and, for the 25 ms frame whose
    // LPC continues from it (ShortLpc), the complex bins into _re/_im (usual sign), so that a 60 ms
    // spectrum in between does not replace them. Returns the number of bins N/2 + 1.
    private int Spectrum(OouraSplitRadixFft fft, float[] f, bool keepComplex)
    {
        fft.Forward(f);
        int half = f.Length / 2;
        OouraSplitRadixFft.Magnitudes(f, _mag);
        if (keepComplex) OouraSplitRadixFft.Unpack(f, _re, _im);
        return half + 1;
    }
}
