namespace SerAdapt.Features;

/// <summary>
/// Audio to the 1582 IS10 functionals: <see cref="WavReader"/> (mono, int16/32767 scaling),
/// <see cref="Resampler"/> to 16 kHz when the file has another rate, <see cref="Is10LldExtractor"/>,
/// <see cref="Is10Functionals"/>. openSMILE parity is defined for 16 kHz input only.
/// </summary>
public static class Is10Extractor
{
    /// <summary>The rate the IS10 pipeline runs at.</summary>
    public const int SampleRate = 16000;

    /// <summary>Fewest 16 kHz samples with defined functionals: 4 frames of the 60 ms pitch framer
    /// (960 + 3 * 160); openSMILE's output for shorter input is not covered by the reference.</summary>
    public const int MinimumSamples = 960 + (Is10Functionals.MinimumFrames - 1) * 160;

    /// <summary>
    /// Reads, resamples if needed and extracts one file. A 16 kHz file is decoded and processed piece by
    /// piece (memory grows only with the LLD matrix, docs/features.md); another rate is read whole and
    /// resampled first. <paramref name="progress"/> gets (seconds of audio done, seconds in the file)
    /// after each piece.
    /// </summary>
    public static Is10Extraction ExtractFile(string path, Is10Variant variant, Action<double, double>? progress = null)
    {
        using var wav = WavReader.Open(path);
        Is10Lld lld;
        if (wav.SampleRate == SampleRate)
        {
            if (wav.FrameCount < MinimumSamples) throw new AudioTooShortException(path, (int)wav.FrameCount, MinimumSamples);
            var stream = Is10LldExtractor.Start(variant, wav.FrameCount);
            var chunk = new float[Is10LldExtractor.ChunkSamples];
            long done = 0;
            for (int n; (n = wav.Read(chunk)) > 0;)
            {
                stream.Push(chunk.AsSpan(0, n));
                done += n;
                progress?.Invoke((double)done / SampleRate, wav.DurationSeconds);
            }
            lld = stream.Finish();
        }
        else
        {
            lld = ComputeLld(Resampler.Resample(wav.ReadAll().Samples, wav.SampleRate, SampleRate), variant, path);
            progress?.Invoke(wav.DurationSeconds, wav.DurationSeconds);
        }
        return new Is10Extraction(Path.GetFileNameWithoutExtension(path), Is10Functionals.Compute(lld, variant), lld,
            wav.DurationSeconds, wav.SampleRate);
    }

    /// <summary>The 1582 functionals of 16 kHz mono samples scaled like int16/32767.</summary>
    public static float[] Extract(ReadOnlySpan<float> samples16k, Is10Variant variant) =>
        Is10Functionals.Compute(ComputeLld(samples16k, variant, "input"), variant);

    private static Is10Lld ComputeLld(ReadOnlySpan<float> samples, Is10Variant variant, string source)
    {
        if (samples.Length < MinimumSamples) throw new AudioTooShortException(source, samples.Length, MinimumSamples);
        return Is10LldExtractor.Compute(samples, variant);
    }
}
