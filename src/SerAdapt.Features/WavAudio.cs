namespace SerAdapt.Features;

/// <summary>Decoded WAV audio: mono samples (channels already mixed down) at the file's own rate.</summary>
/// <param name="Samples">Mono samples; 16-bit PCM is scaled by 1/32767 exactly as openSMILE does.</param>
/// <param name="SampleRate">Sample rate of the file in Hz.</param>
/// <param name="Channels">Channel count of the file before the mono mixdown.</param>
/// <param name="Encoding">Sample encoding of the file, e.g. "PCM 16-bit" or "IEEE float 32-bit".</param>
public sealed record WavAudio(float[] Samples, int SampleRate, int Channels, string Encoding)
{
    public double DurationSeconds => (double)Samples.Length / SampleRate;
}
