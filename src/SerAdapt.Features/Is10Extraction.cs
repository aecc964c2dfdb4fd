namespace SerAdapt.Features;

/// <summary>The IS10 features of one audio file.</summary>
/// <param name="InstanceName">File name without extension, used as the instance name in ARFF/CSV.</param>
/// <param name="Functionals">The 1582 functionals in openSMILE's order.</param>
/// <param name="Lld">The frame-level LLDs the functionals were computed from.</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="OriginalSampleRate">Sample rate of the file (resampled to 16 kHz when different).</param>
public sealed record Is10Extraction(string InstanceName, float[] Functionals, Is10Lld Lld, double DurationSeconds, int OriginalSampleRate);
