namespace SerAdapt.Features.Egemaps;

/// <summary>
/// The per-frame stages of eGeMAPSv02 (precomputed windows, FFTs, filterbanks and scratch
/// buffers; one instance per thread). The 20 ms chain: Hamming, 512-point FFT (frame centred),
/// loudness, alpha ratio, Hammarberg, slopes, flux, MFCC 1-4, formants, mean-square energy. The
/// 60 ms chain: Gaussian (sigma 0.4), 1024-point FFT (frame centred), octave spectrum, SHS
/// candidates, windowed RMS. No pre-emphasis anywhere (reference S1, E10).
/// </summary>
internal sealed class EgemapsFrontEnd
{
    public const int SampleRate = 16000;
    public const int Step = 160;
    public const int ShortFrame = 320;   // 20 ms (the levels are named "25")
    public const int LongFrame = 960;    // 60 ms
    public const int Candidates = 6;
    public const float VoicingCutoff = 0.70f;
    private const int ShortFft = 512;
    private const int LongFft = 1024;
    private const int LpcOrder = 11;
    private const float HtkScale = 32767f * 32767f;

    private readonly float[] _hamming = Windows.Hamming(ShortFrame);
    private readonly float[] _gauss = Windows.Gaussian(LongFrame, 0.4);
    private readonly OouraSplitRadixFft _fft512 = new(ShortFft);
    private readonly OouraSplitRadixFft _fft1024 = new(LongFft);
    private readonly MelFilterbank _mel26 = new(26, 20, 8000, ShortFft, SampleRate);
    private readonly AuditoryLoudness _loudness = new(26, 20, 8000);
    private readonly Mfcc _mfcc = new(26, 1, 4, floor: 1f);
    private readonly SpecResample _resample = new(ShortFft, ShortFrame, SampleRate, 11000, LpcOrder);
    private readonly FormantLpc _formants = new(LpcOrder, 11000);
    // The auditory weight's offset for minF = 25 Hz, read off the hpsG60 debug level like IS10's
    // (bit-exact in a 2e-10 wide window; 3 log2(25) - c is not IS10's 3 log2(20) - 14.000221).
    private const double WeightOffset = 14.9697709475;
    private readonly OctaveSpectrum _octave = new(LongFft, SampleRate, 25, enhance: true, smooth: true, auditoryWeighting: true, WeightOffset);
    private readonly PitchShs _shs;
    private readonly Harmonics _harmonics = new(LongFft, SampleRate);

    private readonly float[] _frame512 = new float[ShortFft];
    private readonly float[] _frame1024 = new float[LongFft];
    private readonly float[] _re = new float[ShortFft / 2 + 1];
    private readonly float[] _im = new float[ShortFft / 2 + 1];
    private readonly float[] _oct = new float[LongFft / 2 + 1];
    private readonly float[] _bands = new float[26];
    private readonly float[] _auditory = new float[26];
    private readonly float[] _acf = new float[LpcOrder + 1];
    private readonly float[] _candScore = new float[PitchShs.MaxCandidates];

    public EgemapsFrontEnd()
    {
        _shs = new PitchShs(_octave, 55, 1000, Candidates, greedy: true);
    }

    public SpectralShape Spectral { get; } = new();

    /// <summary>The 257 magnitudes of the last short frame (valid until the next call).</summary>
    public float[] ShortMagnitude { get; } = new float[ShortFft / 2 + 1];

    /// <summary>The 513 magnitudes of the last long frame.</summary>
    public float[] LongMagnitude { get; } = new float[LongFft / 2 + 1];

    /// <summary>The 11 LPC coefficients of the last short frame.</summary>
    public float[] Lpc { get; } = new float[LpcOrder];

    /// <summary>
    /// The 20 ms frame: writes Loudness, alphaRatio, hammarbergIndex, slope0-500, slope500-1500,
    /// spectralFlux, mfcc1-4 (10), then the 5 formant frequencies and 5 bandwidths (10), and returns
    /// the mean square of the raw frame (for Leq).
    /// </summary>
    public double ShortFrameLevels(ReadOnlySpan<float> x, Span<float> e, Span<float> formants)
    {
        var f = _frame512;
        Array.Clear(f);
        int o = (ShortFft - ShortFrame) / 2;
        double energy = 0;
        for (int n = 0; n < ShortFrame; n++)
        {
            f[o + n] = x[n] * _hamming[n];
            energy += (double)x[n] * x[n];
        }
        Magnitudes(_fft512, f, ShortMagnitude, keepComplex: true);
        var mag = ShortMagnitude;

        _mel26.Apply(mag, _bands);
        e[0] = _loudness.Apply(_bands, _auditory);
        SpectralShape.Shape(mag, out e[3], out e[4], out e[1], out e[2]);
        e[5] = Spectral.Flux(mag);
        for (int b = 0; b < 26; b++) _bands[b] *= HtkScale;
        _mfcc.Apply(_bands, e.Slice(6, 4));

        _resample.Autocorrelation(_re, _im, _acf);
        SerAdapt.Features.Lpc.FromAutocorrelation(_acf, Lpc);
        _formants.Apply(Lpc, formants[..5], formants.Slice(5, 5));
        return energy / ShortFrame;
    }

    /// <summary>The 60 ms frame: SHS candidates into f0/voicing (returns their count) and the windowed RMS in <paramref name="rms"/>.</summary>
    public int LongFrameLevels(ReadOnlySpan<float> x, Span<float> f0, Span<float> voicing, out float rms)
    {
        var f = _frame1024;
        Array.Clear(f);
        int o = (LongFft - LongFrame) / 2;
        double sum = 0;
        for (int n = 0; n < LongFrame; n++)
        {
            float w = x[n] * _gauss[n];
            f[o + n] = w;
            sum += (double)w * w;
        }
        rms = (float)Math.Sqrt(sum / LongFrame);
        Magnitudes(_fft1024, f, LongMagnitude, keepComplex: false);
        _octave.Apply(LongMagnitude, _oct);
        var score = _candScore.AsSpan(0, f0.Length);
        int count = _shs.Apply(_oct, f0, voicing, score);
        // The list is ordered by the unrefined score, but the candidate with the highest refined
        // score comes first (found on the pitchShsG60 debug level; the Viterbi's ties and its
        // unvoiced-state voicing see this order).
        int best = 0;
        for (int i = 1; i < count; i++) if (score[i] > score[best]) best = i;
        if (best > 0)
        {
            (f0[0], f0[best]) = (f0[best], f0[0]);
            (voicing[0], voicing[best]) = (voicing[best], voicing[0]);
            (score[0], score[best]) = (score[best], score[0]);
        }
        return count;
    }

    /// <summary>HNR, H1-H2, H1-A3, F1-3 amplitudes from a long frame's spectrum (recomputed here), F0 and formants.</summary>
    public void HarmonicLevels(ReadOnlySpan<float> x, float f0, ReadOnlySpan<float> formants, Span<float> output)
    {
        if (f0 > 0)
        {
            var f = _frame1024;
            Array.Clear(f);
            int o = (LongFft - LongFrame) / 2;
            for (int n = 0; n < LongFrame; n++) f[o + n] = x[n] * _gauss[n];
            Magnitudes(_fft1024, f, LongMagnitude, keepComplex: false);
        }
        _harmonics.Apply(LongMagnitude, f0, formants, output);
    }

    // The float32 DFT of f (overwritten): magnitudes, and for the short frame the complex bins
    // (usual sign) that the formant resampler continues from.
    private void Magnitudes(OouraSplitRadixFft fft, float[] f, float[] mag, bool keepComplex)
    {
        fft.Forward(f);
        OouraSplitRadixFft.Magnitudes(f, mag);
        if (keepComplex) OouraSplitRadixFft.Unpack(f, _re, _im);
    }
}
