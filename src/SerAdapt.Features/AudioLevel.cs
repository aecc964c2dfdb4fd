using System.Globalization;

namespace SerAdapt.Features;

/// <summary>
/// How long a WAV file is and how loud (RMS of the mono samples in dB relative to full scale, where a
/// full-scale square wave is 0 dBFS and digital silence is -infinity), to warn before features of
/// audio too short or too quiet to carry speech are trusted.
/// </summary>
public sealed record AudioLevel(double DurationSeconds, double RmsDbfs)
{
    /// <summary>Shorter than this (seconds) is too short for the utterance-level functionals to mean much.</summary>
    public const double MinSpeechSeconds = 0.5;

    /// <summary>At or below this RMS level (dBFS) a file is taken as silent.</summary>
    public const double SilenceDbfs = -60;

    /// <summary>Reads <paramref name="path"/> piece by piece (any length) and measures it.</summary>
    public static AudioLevel Measure(string path)
    {
        using var reader = WavReader.Open(path);
        var buffer = new float[1 << 14];
        double sumSquares = 0;
        long count = 0;
        int n;
        while ((n = reader.Read(buffer)) > 0)
        {
            for (int i = 0; i < n; i++) sumSquares += (double)buffer[i] * buffer[i];
            count += n;
        }
        double rms = count == 0 ? 0 : Math.Sqrt(sumSquares / count);
        return new AudioLevel(reader.DurationSeconds, 20 * Math.Log10(rms));
    }

    public bool IsTooShort => DurationSeconds < MinSpeechSeconds;

    public bool IsSilent => RmsDbfs <= SilenceDbfs;

    /// <summary>Why a prediction from this audio deserves doubt ("0.10 s long, under 0.5 s"), or null when none.</summary>
    public string? Problem()
    {
        var problems = new List<string>();
        if (IsTooShort)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{DurationSeconds:0.00} s long (under {MinSpeechSeconds} s)"));
        if (IsSilent)
            problems.Add(double.IsNegativeInfinity(RmsDbfs) ? "silent (all samples zero)"
                : string.Create(CultureInfo.InvariantCulture, $"silent (RMS {RmsDbfs:0.0} dBFS, at or under {SilenceDbfs} dBFS)"));
        return problems.Count == 0 ? null : string.Join(" and ", problems);
    }
}
