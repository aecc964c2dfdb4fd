using System.CommandLine;
using SerAdapt.Cli.Commands;
using SerAdapt.Data;

namespace SerAdapt.Cli.Tests;

public class SynthCommandTests
{
    [Fact]
    public void Synth_SmallScale_WritesTwoReadableCorpora()
    {
        string dir = Path.Combine(Path.GetTempPath(), "seradapt-synth-" + Guid.NewGuid().ToString("N"));
        try
        {
            var root = new RootCommand("test");
            root.Subcommands.Add(SynthCommand.Create());
            var stdout = new StringWriter();
            int code = CliApp.Run(root, ["synth", "-o", dir, "--scale", "0.02", "--seed", "7", "--no-calibration"], stdout, new StringWriter());
            Assert.Equal(0, code);
            var source = CorpusFile.Read(Path.Combine(dir, SynthCommand.SourceFile));
            var target = CorpusFile.Read(Path.Combine(dir, SynthCommand.TargetFile));
            Assert.Equal((201, 1582), (source.Count, source.Dimension));
            Assert.Equal(168, target.Count);
            Assert.Contains("10 speakers, 5 sessions", stdout.ToString());
            Assert.Equal(SyntheticBenchmark.Generate(SyntheticBenchmarkOptions.Scaled(0.02, 7)).Target.Features, target.Features);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
