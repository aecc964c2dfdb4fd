using static SerAdapt.Features.Tests.WavTestFile;

namespace SerAdapt.Features.Tests;

public sealed class ExtractTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extract").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void FindAudioFiles_RecursesFoldersForWavAndKeepsFilesAsGiven()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub", "deeper"));
        foreach (var f in new[] { "b.wav", "a.WAV", "notes.txt", "sub/c.wav", "sub/deeper/d.wav" })
            File.WriteAllText(Path.Combine(_dir, f), "");
        string missing = Path.Combine(_dir, "missing.wav");

        var files = Is10BatchExtractor.FindAudioFiles([_dir, missing, Path.Combine(_dir, "b.wav")]);

        Assert.Equal(new[] { "a.WAV", "b.wav", "sub/c.wav", "sub/deeper/d.wav", "missing.wav" }.Select(f => Path.Combine(_dir, f)), files);
    }

    [Fact]
    public void Run_BadFiles_AreEachCollectedAsFailureNamingTheFile()
    {
        string text = Write("text.wav", "just text"u8.ToArray());
        string truncated = Write("truncated.wav", Build(1, 1, 16000, 16, Int16Samples(1, 2, 3), declaredDataSize: 64000));
        string ulaw = Write("ulaw.wav", Build(7, 1, 8000, 8, new byte[800]));
        string tooShort = Write("short.wav", Build(1, 1, 16000, 16, new byte[2 * 1000]));
        string missing = Path.Combine(_dir, "missing.wav");
        string missingFolder = Path.Combine(_dir, "no-such-folder", "x.wav");
        string[] files = [text, truncated, ulaw, tooShort, missing, missingFolder];
        var reports = new List<BatchProgress>();

        var result = Is10BatchExtractor.Run(files, new Is10BatchOptions(MaxParallelism: 2), p => { lock (reports) reports.Add(p); });

        Assert.Empty(result.Rows);
        Assert.Equal(6, result.Files);
        Assert.Equal(files, result.Failures.Select(f => f.File));
        Assert.All(result.Failures, f => Assert.StartsWith(f.File + ": ", f.Message));
        Assert.Contains("not a RIFF", result.Failures[0].Message);
        Assert.Contains("truncated", result.Failures[1].Message);
        Assert.Contains("u-law", result.Failures[2].Message);
        Assert.Contains("too short", result.Failures[3].Message);
        Assert.Equal(missing + ": no such file", result.Failures[4].Message);
        Assert.Equal(missingFolder + ": no such folder", result.Failures[5].Message);
        Assert.Equal(Enumerable.Range(1, 6), reports.Select(r => r.Completed).Order());
        Assert.All(reports, r => Assert.True(r.Failed));
    }

    [Fact]
    public void Run_SameFileNameInTwoFolders_FailsBeforeProcessingAndNamesBoth()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "s1"));
        Directory.CreateDirectory(Path.Combine(_dir, "s2"));
        string first = Write("s1/utt.wav", Build(1, 1, 16000, 16, new byte[2 * 16000]));
        string second = Write("s2/utt.WAV", Build(1, 1, 16000, 16, new byte[2 * 16000]));
        string other = Write("s2/other.wav", Build(1, 1, 16000, 16, new byte[2 * 16000]));
        string lld = Path.Combine(_dir, "lld");
        int progressCalls = 0;

        var ex = Assert.Throws<DuplicateInstanceNameException>(() => Is10BatchExtractor.Run(
            Is10BatchExtractor.FindAudioFiles([_dir]), new Is10BatchOptions(LldDirectory: lld), _ => progressCalls++));

        var group = Assert.Single(ex.Groups);
        Assert.Equal(new[] { first, second }, group);
        Assert.Contains(first, ex.Message);
        Assert.Contains(second, ex.Message);
        Assert.DoesNotContain(other, ex.Message);
        Assert.Equal(0, progressCalls);
        Assert.False(Directory.Exists(lld));
    }

    [Fact]
    public void ExtractFile_ShorterThanFourPitchFrames_FailsNamingFile()
    {
        string path = Write("tiny.wav", Build(1, 1, 16000, 16, new byte[2 * (Is10Extractor.MinimumSamples - 1)]));

        var ex = Assert.Throws<AudioTooShortException>(() => Is10Extractor.ExtractFile(path, Is10Variant.Is10));

        Assert.Contains(path, ex.Message);
        Assert.Equal(1440, Is10Extractor.MinimumSamples);
    }

    [Fact]
    public void ExtractFile_OtherRate_IsResampledBeforeTheLengthCheck()
    {
        // 1400 samples at 48 kHz are 467 samples at 16 kHz: too short after resampling.
        string path = Write("fast.wav", Build(1, 1, 48000, 16, new byte[2 * 1400]));

        var ex = Assert.Throws<AudioTooShortException>(() => Is10Extractor.ExtractFile(path, Is10Variant.Is10));

        Assert.Contains("467 samples", ex.Message);
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
