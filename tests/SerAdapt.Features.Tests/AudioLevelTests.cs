namespace SerAdapt.Features.Tests;

public sealed class AudioLevelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("seradapt-level").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // 16-bit PCM mono at 16 kHz of the given samples (scaled by 1/32767 when read).
    private string Wav(string name, IEnumerable<short> samples)
    {
        var data = samples.SelectMany(BitConverter.GetBytes).ToArray();
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, WavTestFile.Build(1, 1, 16000, 16, data));
        return path;
    }

    [Fact]
    public void Measure_SquareWave_HasItsDurationAndRmsInDbfs()
    {
        // A square wave of amplitude A has RMS A: 3277/32767 is -20 dBFS to 3 decimals.
        var level = AudioLevel.Measure(Wav("square.wav", Enumerable.Range(0, 16000).Select(i => (short)(i % 2 == 0 ? 3277 : -3277))));
        Assert.Equal(1.0, level.DurationSeconds, 9);
        Assert.Equal(20 * Math.Log10(3277.0 / 32767), level.RmsDbfs, 4);
        Assert.Null(level.Problem());
    }

    [Fact]
    public void Measure_ZeroSamples_IsSilent()
    {
        var level = AudioLevel.Measure(Wav("zero.wav", new short[8000]));
        Assert.True(double.IsNegativeInfinity(level.RmsDbfs));
        Assert.True(level.IsSilent);
        Assert.False(level.IsTooShort);
        Assert.Equal("silent (all samples zero)", level.Problem());
    }

    [Fact]
    public void Measure_QuietTone_IsSilentUnderMinus60Dbfs()
    {
        // Amplitude 16 of 32767 is about -66 dBFS.
        var level = AudioLevel.Measure(Wav("quiet.wav", Enumerable.Range(0, 16000).Select(i => (short)(i % 2 == 0 ? 16 : -16))));
        Assert.True(level.IsSilent);
        Assert.StartsWith("silent (RMS -66.2 dBFS", level.Problem());
    }

    [Fact]
    public void Measure_TenthOfASecond_IsTooShort()
    {
        var level = AudioLevel.Measure(Wav("short.wav", Enumerable.Range(0, 1600).Select(i => (short)(i % 2 == 0 ? 3277 : -3277))));
        Assert.True(level.IsTooShort);
        Assert.Equal("0.10 s long (under 0.5 s)", level.Problem());
    }
}
