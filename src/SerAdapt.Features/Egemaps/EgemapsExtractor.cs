namespace SerAdapt.Features.Egemaps;

/// <summary>
/// Audio to the 88 eGeMAPSv02 functionals (openSMILE eGeMAPSv02.conf): <see cref="WavReader"/>,
/// <see cref="Resampler"/> to 16 kHz when needed, <see cref="EgemapsLevelExtractor"/>,
/// <see cref="EgemapsLld"/> and <see cref="EgemapsFunctionals"/>. openSMILE parity is defined for
/// 16 kHz input only.
/// </summary>
public static class EgemapsExtractor
{
    public const int SampleRate = EgemapsFrontEnd.SampleRate;

    /// <summary>Fewest 16 kHz samples: 4 frames of the 60 ms framer, as for IS10.</summary>
    public const int MinimumSamples = EgemapsFrontEnd.LongFrame + 3 * EgemapsFrontEnd.Step;

    public static EgemapsExtraction ExtractFile(string path)
    {
        var audio = WavReader.Read(path);
        var samples = audio.SampleRate == SampleRate ? audio.Samples : Resampler.Resample(audio.Samples, audio.SampleRate, SampleRate);
        var levels = Levels(samples, path);
        return new EgemapsExtraction(Path.GetFileNameWithoutExtension(path), EgemapsFunctionals.Compute(levels), EgemapsLld.Build(levels),
            audio.DurationSeconds, audio.SampleRate);
    }

    /// <summary>The 88 functionals of 16 kHz mono samples scaled like int16 / 32767.</summary>
    public static float[] Extract(ReadOnlySpan<float> samples16k) => EgemapsFunctionals.Compute(Levels(samples16k, "input"));

    private static EgemapsLevels Levels(ReadOnlySpan<float> samples, string source)
    {
        if (samples.Length < MinimumSamples) throw new AudioTooShortException(source, samples.Length, MinimumSamples);
        return EgemapsLevelExtractor.Compute(samples);
    }
}
