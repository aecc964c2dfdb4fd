namespace SerAdapt.Features.Egemaps;

/// <summary>
/// Audio to the 88 eGeMAPSv02 functionals (openSMILE eGeMAPSv02.conf): <see cref="WavReader"/>,
/// <see cref="Resampler"/> to 16 kHz when needed, <see cref="EgemapsLevelExtractor"/>,
/// <see cref="EgemapsLld"/> and <see cref="EgemapsFunctionals"/>. openSMILE parity is defined for
/// 16 kHz input only; 16 kHz files are streamed, other rates are read whole and resampled.
/// </summary>
public static class EgemapsExtractor
{
    public const int SampleRate = EgemapsFrontEnd.SampleRate;

    /// <summary>Fewest 16 kHz samples: 4 frames of the 60 ms framer, as for IS10.</summary>
    public const int MinimumSamples = EgemapsFrontEnd.LongFrame + 3 * EgemapsFrontEnd.Step;

    /// <summary>
    /// Reads, resamples if needed and extracts one file. A 16 kHz file is decoded and processed piece by
    /// piece (memory grows only with the per-frame levels, docs/features.md); another rate is read whole
    /// and resampled first.
    /// </summary>
    public static EgemapsExtraction ExtractFile(string path)
    {
        using var wav = WavReader.Open(path);
        EgemapsLevels levels;
        if (wav.SampleRate == SampleRate)
        {
            if (wav.FrameCount < MinimumSamples) throw new AudioTooShortException(path, (int)wav.FrameCount, MinimumSamples);
            var stream = EgemapsLevelExtractor.Start(wav.FrameCount);
            var chunk = new float[EgemapsLevelExtractor.ChunkSamples];
            for (int n; (n = wav.Read(chunk)) > 0;) stream.Push(chunk.AsSpan(0, n));
            levels = stream.Finish();
        }
        else levels = Levels(Resampler.Resample(wav.ReadAll().Samples, wav.SampleRate, SampleRate), path);
        return new EgemapsExtraction(Path.GetFileNameWithoutExtension(path), EgemapsFunctionals.Compute(levels), levels,
            wav.DurationSeconds, wav.SampleRate);
    }

    /// <summary>The 88 functionals of 16 kHz mono samples scaled like int16 / 32767.</summary>
    public static float[] Extract(ReadOnlySpan<float> samples16k) => EgemapsFunctionals.Compute(Levels(samples16k, "input"));

    private static EgemapsLevels Levels(ReadOnlySpan<float> samples, string source)
    {
        if (samples.Length < MinimumSamples) throw new AudioTooShortException(source, samples.Length, MinimumSamples);
        return EgemapsLevelExtractor.Compute(samples);
    }
}
